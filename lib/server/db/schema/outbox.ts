import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns';
import { organizations } from './organizations';

/**
 * Events written in the same transaction as the change they describe. The webhook dispatcher
 * turns each into deliveries and stamps `dispatched_at`.
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
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    dispatchedAt: instant('dispatched_at'),
  },
  (t) => [
    index('event_outbox_pending_idx')
      .on(t.createdAt)
      .where(sql`dispatched_at is null`),
    index('event_outbox_org_idx').on(t.organizationId, t.createdAt),
  ],
);
