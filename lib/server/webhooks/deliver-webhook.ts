import 'server-only';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import { nextRetryDelaySeconds } from '@/lib/domain/webhooks/retry-schedule';
import { env } from '@/lib/env';
import type { Db } from '@/lib/server/db/client';
import { eventOutbox } from '@/lib/server/db/schema/outbox';
import {
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
} from '@/lib/server/db/schema/webhooks';
import { newId } from '@/lib/server/ids';
import { enqueueJob } from '@/lib/server/jobs/enqueue';
import { postJson, type PostResult } from './http-post';
import { webhookHeaders } from './signing';
import { resolveWebhookTarget } from './url-guard';

export type AttemptOutcome = PostResult & { delivered: boolean };

/**
 * One attempt of one delivery (the `webhooks.deliver` job). The delivery is claimed with a lease
 * first, so a second job for the same delivery (a retry of a job whose worker died) never sends
 * the same attempt twice, and a delivery that succeeded is never sent again.
 */
export async function deliverWebhook(
  db: Db,
  params: { deliveryId: string; now: Date; retry?: boolean },
): Promise<AttemptOutcome | null> {
  const { deliveryId, now } = params;
  const settings = env();
  const [delivery] = await db
    .update(webhookDeliveries)
    .set({
      status: 'SENDING',
      leaseUntil: new Date(now.getTime() + settings.PARLEY_WEBHOOK_TIMEOUT_MS + 30_000),
    })
    .where(
      and(
        eq(webhookDeliveries.id, deliveryId),
        or(
          eq(webhookDeliveries.status, 'PENDING'),
          and(eq(webhookDeliveries.status, 'SENDING'), lt(webhookDeliveries.leaseUntil, now)),
        ),
      ),
    )
    .returning();
  if (!delivery) return null;

  const [[endpoint], [event]] = await Promise.all([
    db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, delivery.endpointId)).limit(1),
    db.select().from(eventOutbox).where(eq(eventOutbox.id, delivery.eventId)).limit(1),
  ]);
  if (!endpoint || endpoint.deletedAt || endpoint.status !== 'ACTIVE' || !event) {
    await db
      .update(webhookDeliveries)
      .set({
        status: 'FAILED',
        leaseUntil: null,
        completedAt: now,
        lastError: 'The endpoint is disabled or deleted.',
      })
      .where(eq(webhookDeliveries.id, deliveryId));
    return null;
  }

  const body = JSON.stringify(event.payload);
  const secrets = [endpoint.secret];
  if (
    endpoint.previousSecret &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt > now
  ) {
    secrets.push(endpoint.previousSecret);
  }
  const target = await resolveWebhookTarget(endpoint.url, {
    allowPrivate: settings.PARLEY_ALLOW_PRIVATE_WEBHOOKS,
    isProduction: settings.NODE_ENV === 'production',
  });
  const result: PostResult = target.ok
    ? await postJson(target.url, {
        addresses: target.addresses,
        headers: webhookHeaders({
          secrets,
          id: event.id,
          timestamp: Math.floor(Date.now() / 1000),
          body,
        }),
        body,
        timeoutMs: settings.PARLEY_WEBHOOK_TIMEOUT_MS,
      })
    : { statusCode: null, error: `Refused: ${target.reason}`, responseBody: null, durationMs: 0 };
  const delivered =
    result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const gone = result.statusCode === 410;
  const attempt = delivery.attemptCount + 1;
  const delay =
    delivered || gone || params.retry === false
      ? null
      : nextRetryDelaySeconds(attempt, Math.random());

  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      id: newId(),
      deliveryId,
      attempt,
      attemptedAt: now,
      durationMs: result.durationMs,
      statusCode: result.statusCode,
      error: result.error ?? (delivered ? null : `HTTP ${result.statusCode}`),
      responseBody: result.responseBody,
    });
    await tx
      .update(webhookDeliveries)
      .set({
        status: delivered ? 'SUCCEEDED' : delay === null ? 'FAILED' : 'PENDING',
        attemptCount: attempt,
        leaseUntil: null,
        lastStatusCode: result.statusCode,
        lastError: delivered ? null : (result.error ?? `HTTP ${result.statusCode}`),
        nextAttemptAt: delay === null ? null : new Date(now.getTime() + delay * 1000),
        completedAt: delay === null ? now : null,
      })
      .where(eq(webhookDeliveries.id, deliveryId));
    if (gone) {
      // 410 Gone: the receiver asks us to stop (Standard Webhooks).
      await tx
        .update(webhookEndpoints)
        .set({
          status: 'DISABLED',
          disabledReason: 'The endpoint answered 410 Gone.',
          updatedAt: now,
        })
        .where(eq(webhookEndpoints.id, endpoint.id));
      await tx
        .update(webhookDeliveries)
        .set({
          status: 'FAILED',
          completedAt: now,
          nextAttemptAt: null,
          lastError: sql`coalesce(${webhookDeliveries.lastError}, 'Endpoint disabled')`,
        })
        .where(
          and(
            eq(webhookDeliveries.endpointId, endpoint.id),
            eq(webhookDeliveries.status, 'PENDING'),
          ),
        );
    }
    if (delay !== null) {
      await enqueueJob(tx, 'webhooks.deliver', { deliveryId }, { startAfter: delay });
    }
  });
  return { ...result, delivered };
}
