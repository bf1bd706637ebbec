import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { calendarConnections } from '@/lib/server/db/schema/calendars';
import { enqueueJob } from '@/lib/server/jobs/enqueue';
import { log } from '@/lib/server/log';
import { recordEvent } from '@/lib/server/webhooks/outbox';
import type { ConnectionRow } from './connections';

/**
 * The provider refused the stored grant (DESIGN §6): the connection needs reconnecting. The first
 * refusal of an episode (until the person reconnects) sends `CALENDAR_CONNECTION_FAILED` and the
 * reconnect email; later ones change nothing.
 */
export async function markNeedsReconnect(
  db: Db,
  params: { connection: ConnectionRow; reason: string; now: Date },
): Promise<void> {
  const { connection, now } = params;
  if (connection.provider === 'DEV') return;
  const provider = connection.provider;
  await db.transaction(async (tx) => {
    const [flagged] = await tx
      .update(calendarConnections)
      .set({
        status: 'NEEDS_RECONNECT',
        failedAt: now,
        failureReason: params.reason,
        updatedAt: now,
      })
      .where(
        and(
          eq(calendarConnections.organizationId, connection.organizationId),
          eq(calendarConnections.id, connection.id),
          isNull(calendarConnections.failedAt),
          isNull(calendarConnections.revokedAt),
        ),
      )
      .returning({ id: calendarConnections.id });
    if (!flagged) return;
    log.warn('calendar connection needs reconnecting', {
      organizationId: connection.organizationId,
      connectionId: connection.id,
      provider,
    });
    await recordEvent(tx, {
      organizationId: connection.organizationId,
      event: 'CALENDAR_CONNECTION_FAILED',
      data: {
        organizationId: connection.organizationId,
        email: connection.email,
        provider,
        reason: params.reason,
      },
      now,
    });
    await enqueueJob(tx, 'calendars.reconnect-email', {
      organizationId: connection.organizationId,
      connectionId: connection.id,
    });
  });
}
