import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { UserCalendar } from '@/lib/contracts/user-calendars';
import { isDevCalendarOffered } from '@/lib/server/calendar/dev/dev-offer';
import { configuredProviders } from '@/lib/server/calendar/providers';
import type { Db } from '@/lib/server/db/client';
import { userCalendars } from '@/lib/server/db/schema/calendars';
import { findLiveConnections } from '@/lib/server/calendar/connections';
import { listDevBusy } from '@/lib/server/services/user-calendars/dev-busy';
import { listUserCalendars } from '@/lib/server/services/user-calendars/list-user-calendars';
import { toUserCalendars } from '@/lib/server/services/user-calendars/to-user-calendar';

export type DevBusyPeriod = { id: string; start: string; end: string; label: string | null };
export type Interviewer = UserCalendar & { devBusy: DevBusyPeriod[] };

/**
 * The interviewers page (DESIGN §9): every person's calendar state (a page of them), the signed-in
 * member's own, the hand-typed busy periods of development calendars, and what can be connected.
 */
export async function getInterviewers(
  db: Db,
  params: { organizationId: string; memberEmail: string; cursor?: string; now: Date },
) {
  const { organizationId, now } = params;
  const page = await listUserCalendars(db, { organizationId, limit: 50, cursor: params.cursor });
  const [ownRow] = await db
    .select()
    .from(userCalendars)
    .where(
      and(
        eq(userCalendars.organizationId, organizationId),
        eq(userCalendars.email, params.memberEmail.toLowerCase()),
      ),
    )
    .limit(1);
  const [own] = ownRow ? await toUserCalendars(db, { organizationId, rows: [ownRow] }) : [];
  const people = own && !page.data.some((p) => p.id === own.id) ? [...page.data, own] : page.data;
  const devEmails = people.filter((p) => p.connection?.provider === 'DEV').map((p) => p.email);
  const connections = await findLiveConnections(db, { organizationId, emails: devEmails });
  const busy = await listDevBusy(db, {
    organizationId,
    connectionIds: [...connections.values()].map((c) => c.id),
    now,
  });
  const withBusy = (p: UserCalendar): Interviewer => ({
    ...p,
    devBusy: (busy.get(connections.get(p.email)?.id ?? '') ?? []).map((b) => ({
      id: b.id,
      start: b.startAt.toISOString(),
      end: b.endAt.toISOString(),
      label: b.label,
    })),
  });
  return {
    people: page.data.map(withBusy),
    nextCursor: page.nextCursor,
    own: own ? withBusy(own) : null,
    providers: configuredProviders().map((p) => p.name),
    isDevOffered: isDevCalendarOffered(),
  };
}
