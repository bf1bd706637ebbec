import 'server-only';
import { and, asc, desc, eq, inArray, lt } from 'drizzle-orm';
import { TEST_EVENT, type WebhookDelivery } from '@/lib/contracts/webhooks';
import type { Db } from '@/lib/server/db/client';
import { eventOutbox } from '@/lib/server/db/schema/outbox';
import { webhookAttempts, webhookDeliveries } from '@/lib/server/db/schema/webhooks';
import { newEventId, newId } from '@/lib/server/ids';
import { decodeCursor, toPage, type Page, type PageParams } from '@/lib/server/queries/pagination';
import { deliverWebhook } from '@/lib/server/webhooks/deliver-webhook';
import { requireWebhook } from './manage-webhooks';

/** An endpoint's deliveries, newest first, each with every attempt. */
export async function listDeliveries(
  db: Db,
  params: PageParams & { organizationId: string; webhookId: string },
): Promise<Page<WebhookDelivery>> {
  await requireWebhook(db, { organizationId: params.organizationId, id: params.webhookId });
  const after = decodeCursor(params.cursor);
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.endpointId, params.webhookId),
        after ? lt(webhookDeliveries.id, after) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(params.limit + 1);
  const ids = rows.slice(0, params.limit).map((r) => r.id);
  const attempts =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(webhookAttempts)
          .where(inArray(webhookAttempts.deliveryId, ids))
          .orderBy(asc(webhookAttempts.attempt));
  return toPage(rows, params.limit, (row) => ({
    id: row.id,
    eventId: row.eventId,
    event: row.eventType,
    status: row.status,
    attemptCount: row.attemptCount,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    attempts: attempts
      .filter((a) => a.deliveryId === row.id)
      .map((a) => ({
        attempt: a.attempt,
        attemptedAt: a.attemptedAt.toISOString(),
        statusCode: a.statusCode,
        durationMs: a.durationMs,
        error: a.error,
      })),
  }));
}

/**
 * Sends a WEBHOOK_TEST event to the endpoint now and answers with the outcome. It is logged like
 * any delivery (but not retried), and bypasses the endpoint's events filter.
 */
export async function sendTestWebhook(
  db: Db,
  params: { organizationId: string; id: string; now: Date },
) {
  const endpoint = await requireWebhook(db, params);
  const eventId = newEventId();
  const deliveryId = newId();
  await db.transaction(async (tx) => {
    await tx.insert(eventOutbox).values({
      id: eventId,
      organizationId: params.organizationId,
      eventType: TEST_EVENT,
      payload: {
        event: TEST_EVENT,
        eventId,
        eventTimestamp: params.now.toISOString(),
        data: {
          organizationId: params.organizationId,
          webhookId: endpoint.id,
          message: 'This is a test event from Parley.',
        },
      },
      createdAt: params.now,
    });
    await tx.insert(webhookDeliveries).values({
      id: deliveryId,
      organizationId: params.organizationId,
      endpointId: endpoint.id,
      eventId,
      eventType: TEST_EVENT,
      status: 'PENDING',
      nextAttemptAt: params.now,
      createdAt: params.now,
    });
  });
  const outcome = await deliverWebhook(db, {
    organizationId: params.organizationId,
    deliveryId,
    now: params.now,
    retry: false,
  });
  return {
    eventId,
    deliveryId,
    delivered: outcome?.delivered ?? false,
    statusCode: outcome?.statusCode ?? null,
    durationMs: outcome?.durationMs ?? 0,
    error: outcome
      ? outcome.delivered
        ? null
        : (outcome.error ?? `HTTP ${outcome.statusCode}`)
      : 'The endpoint is disabled.',
  };
}
