import { bookSlotSchema } from '@/lib/contracts/booking';
import { apiRoute, created, ok } from '@/lib/server/http/route';
import { bookSlot } from '@/lib/server/services/booking/book-slot';
import { getBooking } from '@/lib/server/services/booking/get-booking';
import { otherMethods } from '@/lib/server/http/methods';

type Params = { token: string };
const publicRoute = {
  auth: false as const,
  idempotencyScope: (p: Record<string, string>) => `booking:${p.token}`,
};

export const GET = apiRoute<Params, undefined, undefined, false>(
  publicRoute,
  async ({ db, params, now }) => ok(await getBooking(db, { token: params.token, now })),
);

export const POST = apiRoute<Params, typeof bookSlotSchema, undefined, false>(
  { ...publicRoute, body: bookSlotSchema },
  async ({ db, params, body, now }) =>
    created({
      meeting: await bookSlot(db, {
        token: params.token,
        start: new Date(body.start),
        timezone: body.timezone,
        now,
      }),
    }),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
