import 'server-only';
import { and, eq, isNull, lt, ne, or } from 'drizzle-orm';
import { DomainError, notFound } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import { webhookDeliveries } from '@/lib/server/db/schema/webhooks';
import { enqueueJob } from '@/lib/server/jobs/enqueue';
import { requireWebhook } from './manage-webhooks';

/**
 * Sends one delivery of an endpoint again, through the durable machinery: the delivery is
 * reopened and its `webhooks.deliver` job is written in the same transaction, so the replay
 * survives a restart and is signed with the endpoint's current secret(s). An endpoint receives an
 * event at most once per delivery row (unique endpoint + event), so the replay is the delivery's
 * next attempt and carries the same `webhook-id`: a receiver that already processed the event
 * can recognise it. A delivery waiting for a retry is sent now instead; if the replay fails, the
 * rest of the retry schedule applies (none once every attempt was used).
 */
export async function replayDelivery(
  db: Db,
  params: { organizationId: string; webhookId: string; deliveryId: string; now: Date },
): Promise<{ deliveryId: string }> {
  const endpoint = await requireWebhook(db, {
    organizationId: params.organizationId,
    id: params.webhookId,
  });
  if (endpoint.status !== 'ACTIVE') {
    throw new DomainError(
      'conflict',
      'This endpoint is disabled: enable it before replaying a delivery.',
    );
  }
  const scope = and(
    eq(webhookDeliveries.organizationId, params.organizationId),
    eq(webhookDeliveries.endpointId, endpoint.id),
    eq(webhookDeliveries.id, params.deliveryId),
  );
  const [delivery] = await db
    .select({
      id: webhookDeliveries.id,
      status: webhookDeliveries.status,
      leaseUntil: webhookDeliveries.leaseUntil,
    })
    .from(webhookDeliveries)
    .where(scope)
    .limit(1);
  if (!delivery) throw notFound('Delivery');
  if (
    delivery.status === 'SENDING' &&
    delivery.leaseUntil &&
    delivery.leaseUntil.getTime() > params.now.getTime()
  ) {
    throw sendingNow();
  }
  await db.transaction(async (tx) => {
    // Not while a worker holds the delivery (it may have claimed it since the read above).
    const reopened = await tx
      .update(webhookDeliveries)
      .set({ status: 'PENDING', nextAttemptAt: params.now, leaseUntil: null, completedAt: null })
      .where(
        and(
          scope,
          or(
            ne(webhookDeliveries.status, 'SENDING'),
            isNull(webhookDeliveries.leaseUntil),
            lt(webhookDeliveries.leaseUntil, params.now),
          ),
        ),
      )
      .returning({ id: webhookDeliveries.id });
    if (reopened.length === 0) throw sendingNow();
    await enqueueJob(tx, 'webhooks.deliver', {
      organizationId: params.organizationId,
      deliveryId: delivery.id,
    });
  });
  return { deliveryId: delivery.id };
}

const sendingNow = () =>
  new DomainError('conflict', 'This delivery is being sent right now. Try again shortly.');
