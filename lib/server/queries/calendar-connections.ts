import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { calendarConnections } from '@/lib/server/db/schema/calendars';

/** Which of `emails` have a live calendar connection in the organization. */
export async function findConnectedCalendarEmails(
  db: Db,
  params: { organizationId: string; emails: string[] },
): Promise<Set<string>> {
  if (params.emails.length === 0) return new Set();
  const rows = await db
    .select({ email: calendarConnections.email })
    .from(calendarConnections)
    .where(
      and(
        eq(calendarConnections.organizationId, params.organizationId),
        inArray(calendarConnections.email, params.emails),
        isNull(calendarConnections.revokedAt),
      ),
    );
  return new Set(rows.map((r) => r.email));
}
