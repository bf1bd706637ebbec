import { cancelSchema } from '@/lib/contracts/booking';
import { apiRoute, ok } from '@/lib/server/http/route';
import { cancelBooking } from '@/lib/server/services/booking/cancel-booking';
import { otherMethods } from '@/lib/server/http/methods';

export const POST = apiRoute<{ token: string }, typeof cancelSchema, undefined, false>(
  { auth: false, body: cancelSchema, idempotencyScope: (p) => `booking:${p.token}` },
  async ({ db, params, body, now }) =>
    ok({ meeting: await cancelBooking(db, { token: params.token, reason: body.reason, now }) }),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
