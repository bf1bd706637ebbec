import { slotsQuerySchema } from '@/lib/contracts/booking';
import { apiRoute, ok } from '@/lib/server/http/route';
import { getSlots } from '@/lib/server/services/booking/get-slots';
import { otherMethods } from '@/lib/server/http/methods';

export const GET = apiRoute<{ token: string }, undefined, typeof slotsQuerySchema, false>(
  { auth: false, query: slotsQuerySchema },
  async ({ db, params, query, now }) =>
    ok(await getSlots(db, { token: params.token, ...query, now })),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
