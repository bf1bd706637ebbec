import 'server-only';
import { sql } from 'drizzle-orm';
import type { EventData, EventType } from '@/lib/contracts/webhooks';
import { executeRows, type Db } from '@/lib/server/db/client';
import { newEventId, newId } from '@/lib/server/ids';
import { enqueueJobs } from '@/lib/server/jobs/enqueue';

/** Endpoints per organization that get time-ordered delivery ids (more is rare and still works). */
const PREPARED_IDS = 4;

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
export async function recordEvent<K extends EventType>(
  db: Db,
  event: OutboxEvent<K>,
): Promise<string> {
  const eventId = newEventId();
  const at = event.now.toISOString();
  const payload = { event: event.event, eventId, eventTimestamp: at, data: event.data };
  // One statement: the event, and a delivery for each subscribed endpoint (ids made here, so they
  // sort by time; endpoints beyond the prepared ids are picked up by the second statement below).
  const ids = Array.from({ length: PREPARED_IDS }, () => newId());
  const deliveries = await executeRows<{ id: string | null }>(
    db,
    sql`with event as (
          insert into event_outbox (id, organization_id, event_type, conversation_id, payload, created_at)
          values (${eventId}, ${event.organizationId}, ${event.event}, ${event.conversationId ?? null},
                  ${JSON.stringify(payload)}::json, ${at}::timestamptz)
        ), endpoints as (
          select id, row_number() over (order by id) as n from webhook_endpoints
          where organization_id = ${event.organizationId} and status = 'ACTIVE' and deleted_at is null
            and (events is null or events @> ${JSON.stringify([event.event])}::jsonb)
        )
        insert into webhook_deliveries (id, organization_id, endpoint_id, event_id, event_type, status, next_attempt_at, created_at)
        select coalesce((${`{${ids.join(',')}}`}::uuid[])[n], gen_random_uuid()), ${event.organizationId}, id, ${eventId},
               ${event.event}, 'PENDING', ${at}::timestamptz, ${at}::timestamptz
        from endpoints
        returning id`,
  );
  await enqueueJobs(
    db,
    'webhooks.deliver',
    deliveries.map((d) => ({ organizationId: event.organizationId, deliveryId: d.id! })),
  );
  return eventId;
}
