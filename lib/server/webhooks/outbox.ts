import 'server-only';
import { sql } from 'drizzle-orm';
import type { EventData, EventType } from '@/lib/contracts/webhooks';
import { executeRows, type Db } from '@/lib/server/db/client';
import { eventOutbox } from '@/lib/server/db/schema/outbox';
import { webhookDeliveries } from '@/lib/server/db/schema/webhooks';
import { newEventId, newId } from '@/lib/server/ids';
import { enqueueJobs } from '@/lib/server/jobs/enqueue';

export type OutboxEvent<K extends EventType> = {
  organizationId: string;
  event: K;
  conversationId?: string | null;
  /** The envelope's `data`. */
  data: EventData[K];
  now: Date;
};

/**
 * Records an event in the transaction of the change it describes (pass the transaction as `db`),
 * with one delivery per subscribed endpoint and a delivery job for each: no change commits
 * without its webhooks, and no webhook leaves for a change that rolled back.
 */
export async function recordEvent<K extends EventType>(db: Db, event: OutboxEvent<K>): Promise<string> {
  const eventId = newEventId();
  await db.insert(eventOutbox).values({
    id: eventId,
    organizationId: event.organizationId,
    eventType: event.event,
    conversationId: event.conversationId ?? null,
    payload: { event: event.event, eventId, eventTimestamp: event.now.toISOString(), data: event.data },
    createdAt: event.now,
  });
  const endpoints = await executeRows<{ id: string }>(
    db,
    sql`select id from webhook_endpoints
        where organization_id = ${event.organizationId} and status = 'ACTIVE' and deleted_at is null
          and (events is null or events @> ${JSON.stringify([event.event])}::jsonb)`,
  );
  if (endpoints.length === 0) return eventId;
  const deliveries = endpoints.map((endpoint) => ({
    id: newId(),
    organizationId: event.organizationId,
    endpointId: endpoint.id,
    eventId,
    eventType: event.event,
    status: 'PENDING' as const,
    nextAttemptAt: event.now,
    createdAt: event.now,
  }));
  await db.insert(webhookDeliveries).values(deliveries);
  await enqueueJobs(
    db,
    'webhooks.deliver',
    deliveries.map((d) => ({ deliveryId: d.id })),
  );
  return eventId;
}
