import { paginationQuerySchema } from '@/lib/contracts/common';
import { apiRoute, ok } from '@/lib/server/http/route';
import { listUserCalendars } from '@/lib/server/services/user-calendars/list-user-calendars';
import { otherMethods } from '@/lib/server/http/methods';

export const GET = apiRoute({ query: paginationQuerySchema }, async ({ db, caller, query }) =>
  ok(await listUserCalendars(db, { organizationId: caller.organizationId, ...query })),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
