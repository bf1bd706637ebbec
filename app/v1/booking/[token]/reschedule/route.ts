import { bookingRescheduleSchema } from '@/lib/contracts/booking';
import { apiRoute, ok } from '@/lib/server/http/route';
import { rescheduleBooking } from '@/lib/server/services/booking/reschedule-booking';
import { otherMethods } from '@/lib/server/http/methods';

export const POST = apiRoute<{ token: string }, typeof bookingRescheduleSchema, undefined, false>(
  { auth: false, body: bookingRescheduleSchema, idempotencyScope: (p) => `booking:${p.token}` },
  async ({ db, params, body, now }) =>
    ok({
      meeting: await rescheduleBooking(db, {
        token: params.token,
        start: new Date(body.start),
        timezone: body.timezone,
        now,
      }),
    }),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
