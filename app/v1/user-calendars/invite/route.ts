import { inviteUserCalendarSchema } from '@/lib/contracts/user-calendars';
import { apiRoute, created } from '@/lib/server/http/route';
import { inviteUserCalendar } from '@/lib/server/services/user-calendars/invite-user-calendar';
import { otherMethods } from '@/lib/server/http/methods';

/** Emails the person a connect link; the link is in the answer even when the email failed. */
export const POST = apiRoute(
  { body: inviteUserCalendarSchema },
  async ({ db, caller, body, now }) => {
    const invite = await inviteUserCalendar(db, {
      organizationId: caller.organizationId,
      values: body,
      now,
    });
    return created({ id: invite.id, connectUrl: invite.connectUrl });
  },
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
