import 'server-only';
import { revealSecret } from '@/lib/server/crypto/secrets';
import { and, eq, sql } from 'drizzle-orm';
import { nextRetryDelaySeconds } from '@/lib/domain/webhooks/retry-schedule';
import { env } from '@/lib/env';
import { executeRows, type Db } from '@/lib/server/db/client';
import { webhookDeliveries, webhookEndpoints } from '@/lib/server/db/schema/webhooks';
import { newId } from '@/lib/server/ids';
import { enqueueJob } from '@/lib/server/jobs/enqueue';
import { postJson, type PostResult } from './http-post';
import { webhookHeaders } from './signing';
import { resolveWebhookTarget } from './url-guard';

export type AttemptOutcome = PostResult & { delivered: boolean };

type Claimed = {
  attempt_count: number;
  endpoint_id: string;
  event_id: string;
  url: string | null;
  secret: string | null;
  previous_secret: string | null;
  previous_secret_expires_at: Date | string | null;
  endpoint_ok: boolean;
  payload: unknown;
};

/**
 * One attempt of one delivery (the `webhooks.deliver` job). The delivery is claimed with a lease
 * first — together with its endpoint and event, in one round trip — so a second job for the same
 * delivery (the retry of a job whose worker died) never sends the same attempt twice, and a
 * delivery that succeeded is never sent again.
 */
export async function deliverWebhook(
  db: Db,
  params: { organizationId: string; deliveryId: string; now: Date; retry?: boolean },
): Promise<AttemptOutcome | null> {
  const { organizationId, deliveryId, now } = params;
  const settings = env();
  const lease = new Date(now.getTime() + settings.PARLEY_WEBHOOK_TIMEOUT_MS + 30_000);
  const [claimed] = await executeRows<Claimed>(
    db,
    sql`update webhook_deliveries d
        set status = 'SENDING', lease_until = ${lease.toISOString()}::timestamptz
        from event_outbox o, webhook_endpoints e
        where d.organization_id = ${organizationId} and d.id = ${deliveryId}
          and o.id = d.event_id and e.id = d.endpoint_id and e.organization_id = d.organization_id
          and (d.status = 'PENDING' or (d.status = 'SENDING' and d.lease_until < ${now.toISOString()}::timestamptz))
        returning d.attempt_count, d.endpoint_id, d.event_id, e.url, e.secret, e.previous_secret,
          e.previous_secret_expires_at, (e.status = 'ACTIVE' and e.deleted_at is null) as endpoint_ok, o.payload::text as payload`,
  );
  if (!claimed) return null;
  if (!claimed.endpoint_ok || !claimed.url || !claimed.secret) {
    await db
      .update(webhookDeliveries)
      .set({
        status: 'FAILED',
        leaseUntil: null,
        completedAt: now,
        lastError: 'The endpoint is disabled or deleted.',
      })
      .where(
        and(
          eq(webhookDeliveries.organizationId, organizationId),
          eq(webhookDeliveries.id, deliveryId),
        ),
      );
    return null;
  }

  const body =
    typeof claimed.payload === 'string' ? claimed.payload : JSON.stringify(claimed.payload);
  const secrets = [revealSecret(claimed.secret)];
  const previousUntil =
    claimed.previous_secret_expires_at && new Date(claimed.previous_secret_expires_at);
  if (claimed.previous_secret && previousUntil && previousUntil > now)
    secrets.push(revealSecret(claimed.previous_secret));
  const target = await resolveWebhookTarget(claimed.url, {
    allowPrivate: settings.PARLEY_ALLOW_PRIVATE_WEBHOOKS,
    isProduction: settings.NODE_ENV === 'production',
  });
  const result: PostResult = target.ok
    ? await postJson(target.url, {
        addresses: target.addresses,
        headers: webhookHeaders({
          secrets,
          id: claimed.event_id,
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
  const attempt = claimed.attempt_count + 1;
  const delay =
    delivered || gone || params.retry === false
      ? null
      : nextRetryDelaySeconds(attempt, Math.random());
  const outcome = {
    attempt,
    status: delivered
      ? ('SUCCEEDED' as const)
      : delay === null
        ? ('FAILED' as const)
        : ('PENDING' as const),
    error: delivered ? null : (result.error ?? `HTTP ${result.statusCode}`),
    nextAttemptAt: delay === null ? null : new Date(now.getTime() + delay * 1000),
  };

  if (delay === null && !gone) {
    // The common case (delivered, or given up): the attempt and the outcome in one statement.
    await db.execute(recordAttempt(deliveryId, now, result, outcome));
  } else {
    await db.transaction(async (tx) => {
      await tx.execute(recordAttempt(deliveryId, now, result, outcome));
      if (gone) {
        // 410 Gone: the receiver asks us to stop (Standard Webhooks).
        await tx
          .update(webhookEndpoints)
          .set({
            status: 'DISABLED',
            disabledReason: 'The endpoint answered 410 Gone.',
            updatedAt: now,
          })
          .where(
            and(
              eq(webhookEndpoints.organizationId, organizationId),
              eq(webhookEndpoints.id, claimed.endpoint_id),
            ),
          );
        await tx
          .update(webhookDeliveries)
          .set({
            status: 'FAILED',
            completedAt: now,
            nextAttemptAt: null,
            lastError: 'The endpoint was disabled.',
          })
          .where(
            and(
              eq(webhookDeliveries.organizationId, organizationId),
              eq(webhookDeliveries.endpointId, claimed.endpoint_id),
              eq(webhookDeliveries.status, 'PENDING'),
            ),
          );
      }
      if (delay !== null)
        await enqueueJob(
          tx,
          'webhooks.deliver',
          { organizationId, deliveryId },
          { startAfter: delay },
        );
    });
  }
  return { ...result, delivered };
}

function recordAttempt(
  deliveryId: string,
  now: Date,
  result: PostResult,
  outcome: { attempt: number; status: string; error: string | null; nextAttemptAt: Date | null },
) {
  const at = now.toISOString();
  return sql`
    with attempt as (
      insert into webhook_attempts (id, delivery_id, attempt, attempted_at, duration_ms, status_code, error, response_body)
      values (${newId()}, ${deliveryId}, ${outcome.attempt}, ${at}::timestamptz, ${result.durationMs},
              ${result.statusCode}, ${outcome.error}, ${result.responseBody})
    )
    update webhook_deliveries
    set status = ${outcome.status}, attempt_count = ${outcome.attempt}, lease_until = null,
        last_status_code = ${result.statusCode}, last_error = ${outcome.error},
        next_attempt_at = ${outcome.nextAttemptAt?.toISOString() ?? null}::timestamptz,
        completed_at = ${outcome.status === 'PENDING' ? null : at}::timestamptz
    where id = ${deliveryId}`;
}
