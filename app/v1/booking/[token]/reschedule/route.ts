import { rescheduleSchema } from '@/lib/contracts/booking';
import { apiRoute, ok } from '@/lib/server/http/route';
import { rescheduleMeeting } from '@/lib/server/services/meetings/reschedule-meeting';

export const POST = apiRoute<{ token: string }, typeof rescheduleSchema, undefined, false>(
  { auth: false, body: rescheduleSchema, idempotencyScope: (p) => `booking:${p.token}` },
  async ({ db, params, body, now }) =>
    ok({
      meeting: await rescheduleMeeting(db, {
        locator: { by: 'token', token: params.token },
        start: new Date(body.start),
        now,
      }),
    }),
);
