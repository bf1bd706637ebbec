import { apiRoute, ok } from '@/lib/server/http/route';
import { getMeeting } from '@/lib/server/services/meetings/get-meeting';

export const GET = apiRoute<{ id: string }>(
  { uuidParams: ['id'] },
  async ({ db, caller, params }) =>
    ok(await getMeeting(db, { organizationId: caller.organizationId, id: params.id })),
);
