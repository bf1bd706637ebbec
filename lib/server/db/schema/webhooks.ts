import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, instant, updatedAt } from './columns';
import { organizations } from './organizations';

export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: idColumn(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description'),
    /** Event types to send; null sends every event. */
    events: jsonb('events').$type<string[]>(),
    /** `whsec_…`; kept to sign every delivery (shown to the integrator once). */
    secret: text('secret').notNull(),
    /** The secret before the last rotation, still signing until `previousSecretExpiresAt`. */
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: instant('previous_secret_expires_at'),
    status: text('status').$type<'ACTIVE' | 'DISABLED'>().notNull(),
    disabledReason: text('disabled_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: instant('deleted_at'),
  },
  (t) => [index('webhook_endpoints_org_idx').on(t.organizationId, t.id)],
);

/** One event to one endpoint; retried until it succeeds or runs out of attempts. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: idColumn(),
    organizationId: uuid('organization_id').notNull(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    status: text('status').$type<'PENDING' | 'SENDING' | 'SUCCEEDED' | 'FAILED'>().notNull(),
    attemptCount: integer('attempt_count').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at'),
    /** While SENDING: the attempt's lease; another worker may take over only after it. */
    leaseUntil: instant('lease_until'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    completedAt: instant('completed_at'),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_endpoint_event_idx').on(t.endpointId, t.eventId),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.id),
    // A conversation's timeline shows each of its events' deliveries.
    index('webhook_deliveries_event_idx').on(t.eventId),
    // The minute sweep finds open deliveries whose job was lost (a worker killed mid-send).
    index('webhook_deliveries_open_idx')
      .on(t.nextAttemptAt)
      .where(sql`status in ('PENDING', 'SENDING')`),
  ],
);

/** Every HTTP attempt, as the API and the dashboard show it. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: idColumn(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    attemptedAt: instant('attempted_at').notNull(),
    durationMs: integer('duration_ms').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    responseBody: text('response_body'),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.attempt)],
);
