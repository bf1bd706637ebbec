import { cancelSchema } from '@/lib/contracts/booking';
import { apiRoute, ok } from '@/lib/server/http/route';
import { cancelMeeting } from '@/lib/server/services/meetings/cancel-meeting';
import { otherMethods } from '@/lib/server/http/methods';

export const POST = apiRoute<{ id: string }, typeof cancelSchema>(
  { uuidParams: ['id'], body: cancelSchema },
  async ({ db, caller, params, body, now }) =>
    ok(
      await cancelMeeting(db, {
        locator: { by: 'meeting', organizationId: caller.organizationId, meetingId: params.id },
        reason: body.reason,
        now,
      }),
    ),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
