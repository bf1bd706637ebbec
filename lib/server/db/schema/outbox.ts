import { index, json, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { organizations } from './organizations';

/**
 * Every event, written in the same transaction as the change it describes, together with its
 * webhook deliveries and their jobs (lib/server/webhooks/outbox.ts).
 */
export const eventOutbox = pgTable(
  'event_outbox',
  {
    /** `evt_…`, sent as `eventId` and as the Standard Webhooks `webhook-id`. */
    id: text('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    eventType: text('event_type').notNull(),
    conversationId: uuid('conversation_id'),
    /** json, not jsonb: the envelope keeps its field order (event, eventId, eventTimestamp, data). */
    payload: json('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('event_outbox_org_idx').on(t.organizationId, t.createdAt),
    index('event_outbox_conversation_idx').on(t.conversationId, t.createdAt),
  ],
);
