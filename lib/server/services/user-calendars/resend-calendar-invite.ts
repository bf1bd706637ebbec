import 'server-only';
import { findLiveConnections } from '@/lib/server/calendar/connections';
import { createCalendarInvite } from '@/lib/server/calendar/invites';
import type { Db } from '@/lib/server/db/client';
import { organizationNameOf, sendConnectEmail } from './invite-user-calendar';
import { requireUserCalendar } from './list-user-calendars';

/**
 * A new connect link for someone already listed: an invite again, or a reconnect link when their
 * calendar stopped answering. The link comes back even when the email could not be sent.
 */
export async function resendCalendarInvite(
  db: Db,
  params: { organizationId: string; userCalendarId: string; now: Date },
): Promise<{ email: string; connectUrl: string; isEmailSent: boolean }> {
  const { organizationId, now } = params;
  const person = await requireUserCalendar(db, { organizationId, id: params.userCalendarId });
  const connection = (
    await findLiveConnections(db, { organizationId, emails: [person.email] })
  ).get(person.email);
  const invite = await createCalendarInvite(db, { organizationId, userCalendarId: person.id, now });
  const isEmailSent = await sendConnectEmail(db, {
    to: person.email,
    name: person.name,
    organizationName: await organizationNameOf(db, organizationId),
    connectUrl: invite.connectUrl,
    kind: connection?.status === 'NEEDS_RECONNECT' ? 'reconnect' : 'invite',
    now,
  });
  return { email: person.email, connectUrl: invite.connectUrl, isEmailSent };
}
