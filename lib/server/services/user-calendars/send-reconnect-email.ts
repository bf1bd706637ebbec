import 'server-only';
import { and, eq } from 'drizzle-orm';
import { createCalendarInvite } from '@/lib/server/calendar/invites';
import type { Db } from '@/lib/server/db/client';
import { calendarConnections } from '@/lib/server/db/schema/calendars';
import { ensureUserCalendar } from './ensure-user-calendars';
import { organizationNameOf, sendConnectEmail } from './invite-user-calendar';

/**
 * The `calendars.reconnect-email` job (DESIGN §6): a connection the provider stopped honouring
 * gets its person a new connect link. Nothing is sent once they have reconnected (or the
 * connection is gone); a refused email throws, so the job retries it.
 */
export async function sendReconnectEmail(
  db: Db,
  params: { organizationId: string; connectionId: string; now: Date },
): Promise<void> {
  const { organizationId, now } = params;
  const [connection] = await db
    .select()
    .from(calendarConnections)
    .where(
      and(
        eq(calendarConnections.organizationId, organizationId),
        eq(calendarConnections.id, params.connectionId),
      ),
    )
    .limit(1);
  if (!connection || connection.revokedAt || connection.status !== 'NEEDS_RECONNECT') return;
  const person = await ensureUserCalendar(db, {
    organizationId,
    email: connection.email,
    name: connection.email,
    now,
  });
  const invite = await createCalendarInvite(db, {
    organizationId,
    userCalendarId: person.id,
    now,
  });
  const isSent = await sendConnectEmail(db, {
    to: person.email,
    name: person.name,
    organizationName: await organizationNameOf(db, organizationId),
    connectUrl: invite.connectUrl,
    kind: 'reconnect',
    now,
  });
  if (!isSent) throw new Error('the reconnect email was not sent; retrying');
}
