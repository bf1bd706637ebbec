import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { calendarConnections, userCalendars } from '@/lib/server/db/schema/calendars';

/** Live connections the provider stopped honouring (NEEDS_RECONNECT), oldest failure first. */
export async function findCalendarsNeedingReconnect(
  db: Db,
  params: { organizationId: string; limit: number },
) {
  return db
    .select({
      email: calendarConnections.email,
      provider: calendarConnections.provider,
      failedAt: calendarConnections.failedAt,
      userCalendarId: userCalendars.id,
      name: userCalendars.name,
    })
    .from(calendarConnections)
    .leftJoin(
      userCalendars,
      and(
        eq(userCalendars.organizationId, calendarConnections.organizationId),
        eq(userCalendars.email, calendarConnections.email),
      ),
    )
    .where(
      and(
        eq(calendarConnections.organizationId, params.organizationId),
        eq(calendarConnections.status, 'NEEDS_RECONNECT'),
        isNull(calendarConnections.revokedAt),
      ),
    )
    .orderBy(asc(calendarConnections.failedAt))
    .limit(params.limit);
}
