import { cancelSchema } from '@/lib/contracts/booking';
import { apiRoute, ok } from '@/lib/server/http/route';
import { cancelMeeting } from '@/lib/server/services/meetings/cancel-meeting';

export const POST = apiRoute<{ token: string }, typeof cancelSchema, undefined, false>(
  { auth: false, body: cancelSchema, idempotencyScope: (p) => `booking:${p.token}` },
  async ({ db, params, body, now }) =>
    ok({
      meeting: await cancelMeeting(db, {
        locator: { by: 'token', token: params.token },
        reason: body.reason,
        now,
      }),
    }),
);
