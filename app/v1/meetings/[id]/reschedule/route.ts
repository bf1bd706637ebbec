import { rescheduleSchema } from '@/lib/contracts/booking';
import { apiRoute, ok } from '@/lib/server/http/route';
import { rescheduleMeeting } from '@/lib/server/services/meetings/reschedule-meeting';
import { otherMethods } from '@/lib/server/http/methods';

export const POST = apiRoute<{ id: string }, typeof rescheduleSchema>(
  { uuidParams: ['id'], body: rescheduleSchema },
  async ({ db, caller, params, body, now }) =>
    ok(
      await rescheduleMeeting(db, {
        locator: { by: 'meeting', organizationId: caller.organizationId, meetingId: params.id },
        start: new Date(body.start),
        now,
      }),
    ),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
