import { parseAvailabilitySchema } from '@/lib/contracts/user-calendars';
import { parseAvailability } from '@/lib/domain/availability/parse-availability';
import { localDateOf } from '@/lib/domain/slots/wall-clock';
import { apiRoute, ok } from '@/lib/server/http/route';
import { otherMethods } from '@/lib/server/http/methods';

/** Free text read as availability (DESIGN §8); pure, nothing is saved. */
export const POST = apiRoute({ body: parseAvailabilitySchema }, ({ body, now }) =>
  Promise.resolve(
    ok(
      parseAvailability({
        text: body.text,
        timezone: body.timezone,
        referenceDate: body.referenceDate ?? localDateOf(body.timezone, now.getTime()),
      }),
    ),
  ),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
