import { apiRoute, ok } from '@/lib/server/http/route';
import { getUserCalendar } from '@/lib/server/services/user-calendars/list-user-calendars';
import { otherMethods } from '@/lib/server/http/methods';

type Params = { id: string };

export const GET = apiRoute<Params>({ uuidParams: ['id'] }, async ({ db, caller, params }) =>
  ok(await getUserCalendar(db, { organizationId: caller.organizationId, id: params.id })),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
