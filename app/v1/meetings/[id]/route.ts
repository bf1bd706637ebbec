import { apiRoute, ok } from '@/lib/server/http/route';
import { getMeeting } from '@/lib/server/services/meetings/get-meeting';
import { otherMethods } from '@/lib/server/http/methods';

export const GET = apiRoute<{ id: string }>(
  { uuidParams: ['id'] },
  async ({ db, caller, params }) =>
    ok(await getMeeting(db, { organizationId: caller.organizationId, id: params.id })),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
