import 'server-only';
import type { Db } from '@/lib/server/db/client';
import { eventOutbox } from '@/lib/server/db/schema/outbox';
import { newEventId } from '@/lib/server/ids';

export type OutboxEvent = {
  organizationId: string;
  event: string;
  conversationId?: string | null;
  /** The envelope's `data`. */
  data: Record<string, unknown>;
  now: Date;
};

/**
 * Records an event in the transaction of the change it describes (pass the transaction as `db`),
 * so no change is committed without its event and no event exists without its change.
 */
export async function recordEvent(db: Db, event: OutboxEvent): Promise<string> {
  const eventId = newEventId();
  await db.insert(eventOutbox).values({
    id: eventId,
    organizationId: event.organizationId,
    eventType: event.event,
    conversationId: event.conversationId ?? null,
    payload: {
      event: event.event,
      eventId,
      eventTimestamp: event.now.toISOString(),
      data: event.data,
    },
    createdAt: event.now,
  });
  return eventId;
}
