import 'server-only';
import { and, eq } from 'drizzle-orm';
import { forgetCachedBusy } from '@/lib/server/calendar/busy-periods';
import { findLiveConnections, type ConnectionRow } from '@/lib/server/calendar/connections';
import { encryptSecret } from '@/lib/server/crypto/secrets';
import type { Db } from '@/lib/server/db/client';
import {
  calendarConnections,
  userCalendars,
  type CalendarProviderName,
} from '@/lib/server/db/schema/calendars';
import { newId } from '@/lib/server/ids';
import { enqueueJob } from '@/lib/server/jobs/enqueue';

/**
 * Stores a person's connected calendar (in the caller's transaction). Reconnecting the same
 * provider updates the connection in place — its meetings' events stay managed — with fresh
 * credentials, CONNECTED, the failure episode closed and the cached busy periods forgotten;
 * another provider replaces it. Conversations that share the person then look again for times.
 */
export async function storeConnection(
  tx: Db,
  params: {
    organizationId: string;
    email: string;
    provider: CalendarProviderName;
    accountEmail: string | null;
    /** Serialized provider tokens (plain; encrypted here); null for the development calendar. */
    credentials: string | null;
    now: Date;
  },
): Promise<ConnectionRow> {
  const { organizationId, now } = params;
  const email = params.email.toLowerCase();
  // One connect at a time per person: two links finished at once must not both insert.
  await tx
    .select({ id: userCalendars.id })
    .from(userCalendars)
    .where(and(eq(userCalendars.organizationId, organizationId), eq(userCalendars.email, email)))
    .for('update');
  const existing = (await findLiveConnections(tx, { organizationId, emails: [email] })).get(email);
  const values = {
    accountEmail: params.accountEmail,
    credentials: params.credentials === null ? null : encryptSecret(params.credentials),
    status: 'CONNECTED' as const,
    failedAt: null,
    failureReason: null,
    connectedAt: now,
    updatedAt: now,
  };
  let stored: ConnectionRow;
  if (existing && existing.provider === params.provider) {
    const [row] = await tx
      .update(calendarConnections)
      .set(values)
      .where(
        and(
          eq(calendarConnections.organizationId, organizationId),
          eq(calendarConnections.id, existing.id),
        ),
      )
      .returning();
    stored = row!;
  } else {
    if (existing) {
      await tx
        .update(calendarConnections)
        .set({ revokedAt: now, updatedAt: now })
        .where(
          and(
            eq(calendarConnections.organizationId, organizationId),
            eq(calendarConnections.id, existing.id),
          ),
        );
    }
    const [row] = await tx
      .insert(calendarConnections)
      .values({
        id: newId(),
        organizationId,
        email,
        provider: params.provider,
        createdAt: now,
        ...values,
      })
      .returning();
    stored = row!;
  }
  if (existing) await forgetCachedBusy(tx, { organizationId, connectionId: existing.id });
  await enqueueJob(tx, 'availability.refresh', { organizationId, emails: [email] });
  return stored;
}
