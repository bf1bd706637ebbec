import { saveAvailabilitySchema } from '@/lib/contracts/user-calendars';
import { apiRoute, ok } from '@/lib/server/http/route';
import { otherMethods } from '@/lib/server/http/methods';
import { saveAvailability } from '@/lib/server/services/availability/save-availability';
import {
  getUserCalendar,
  requireUserCalendar,
} from '@/lib/server/services/user-calendars/list-user-calendars';

type Params = { id: string };

/** Saves the person's availability as a reply or the form would (DESIGN §8). */
export const PUT = apiRoute<Params, typeof saveAvailabilitySchema>(
  { uuidParams: ['id'], body: saveAvailabilitySchema },
  async ({ db, caller, params, body, now }) => {
    const scope = { organizationId: caller.organizationId, id: params.id };
    await requireUserCalendar(db, scope);
    await saveAvailability(db, {
      organizationId: caller.organizationId,
      userCalendarId: params.id,
      timezone: body.timezone,
      timeSlots: body.timeSlots,
      now,
    });
    return ok(await getUserCalendar(db, scope));
  },
);

export const { GET, HEAD, POST, PATCH, DELETE, OPTIONS } = otherMethods({ PUT });
