import { paginationQuerySchema } from '@/lib/contracts/common';
import { apiRoute, ok } from '@/lib/server/http/route';
import { listUserCalendars } from '@/lib/server/services/user-calendars/list-user-calendars';

export const GET = apiRoute({ query: paginationQuerySchema }, async ({ db, caller, query }) =>
  ok(await listUserCalendars(db, { organizationId: caller.organizationId, ...query })),
);
