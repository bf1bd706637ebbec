import 'server-only';
import type { InviteUserCalendar } from '@/lib/contracts/user-calendars';
import { createCalendarInvite } from '@/lib/server/calendar/invites';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { organizations } from '@/lib/server/db/schema/organizations';
import { log } from '@/lib/server/log';
import { sendAccountEmail } from '@/lib/server/services/account-emails/send-account-email';
import { ensureUserCalendar } from './ensure-user-calendars';

export type CalendarInviteResult = { id: string; connectUrl: string; isEmailSent: boolean };

/**
 * `POST /v1/user-calendars/invite` (DESIGN §3, §6): the person's user calendar (made if new), a
 * connect link, and an email with it. An email the transport refuses does not undo the link: the
 * caller gets it and can pass it on.
 */
export async function inviteUserCalendar(
  db: Db,
  params: {
    organizationId: string;
    values: InviteUserCalendar;
    now: Date;
  },
): Promise<CalendarInviteResult> {
  const { values, now } = params;
  const userCalendar = await ensureUserCalendar(db, {
    organizationId: params.organizationId,
    email: values.email,
    name: values.name,
    rename: true,
    now,
  });
  const invite = await createCalendarInvite(db, {
    organizationId: params.organizationId,
    userCalendarId: userCalendar.id,
    now,
  });
  const isEmailSent = await sendConnectEmail(db, {
    to: userCalendar.email,
    name: userCalendar.name,
    organizationName: await organizationNameOf(db, params.organizationId),
    connectUrl: invite.connectUrl,
    kind: 'invite',
    now,
  });
  return { id: userCalendar.id, connectUrl: invite.connectUrl, isEmailSent };
}

export async function organizationNameOf(db: Db, organizationId: string): Promise<string> {
  const [row] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .limit(1);
  return row?.name ?? 'Your organization';
}

/** The invite or reconnect email; false (logged) when the transport refused it. */
export async function sendConnectEmail(
  db: Db,
  params: {
    to: string;
    name: string;
    organizationName: string;
    connectUrl: string;
    kind: 'invite' | 'reconnect';
    now: Date;
  },
): Promise<boolean> {
  const first = params.name.split(' ')[0] || params.name;
  const subject =
    params.kind === 'invite'
      ? `${params.organizationName} asks you to connect your calendar`
      : `Reconnect your calendar for ${params.organizationName}`;
  const lead =
    params.kind === 'invite'
      ? `${params.organizationName} schedules interviews with Parley. Connect your Google or Microsoft calendar so candidates are only offered times when you are free; Parley reads when you are busy and adds the meetings it books.`
      : `Your calendar stopped answering Parley (the provider refused its access). Until you reconnect it, you offer candidates no times for ${params.organizationName}.`;
  const body = [
    `Hi ${first},`,
    '',
    lead,
    '',
    `${params.kind === 'invite' ? 'Connect' : 'Reconnect'} your calendar: ${params.connectUrl}`,
    '',
    'The link works for 14 days.',
  ].join('\n');
  try {
    await sendAccountEmail(db, { to: params.to, subject, body, now: params.now });
    return true;
  } catch (error) {
    log.warn('calendar connect email not sent', { kind: params.kind, error });
    return false;
  }
}
