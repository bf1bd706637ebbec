import 'server-only';
import { encryptSecret } from '@/lib/server/crypto/secrets';
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import type { UpdateWebhook, Webhook } from '@/lib/contracts/webhooks';
import { notFound } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import { webhookDeliveries, webhookEndpoints } from '@/lib/server/db/schema/webhooks';
import { newId } from '@/lib/server/ids';
import { decodeCursor, toPage, type Page, type PageParams } from '@/lib/server/queries/pagination';
import { generateWebhookSecret } from '@/lib/server/webhooks/signing';
import { assertDeliverableUrl } from './check-url';
import { toWebhook, type WebhookRow } from './to-webhook';

export async function requireWebhook(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<WebhookRow> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.organizationId, params.organizationId),
        eq(webhookEndpoints.id, params.id),
        isNull(webhookEndpoints.deletedAt),
      ),
    )
    .limit(1);
  if (!row) throw notFound('Webhook');
  return row;
}

/** Registers an endpoint; its signing secret is returned this once. */
export async function createWebhook(
  db: Db,
  params: {
    organizationId: string;
    values: { url: string; events: string[] | null; description: string | null };
    now: Date;
  },
): Promise<Webhook & { secret: string }> {
  const url = await assertDeliverableUrl(params.values.url);
  const secret = generateWebhookSecret();
  const [row] = await db
    .insert(webhookEndpoints)
    .values({
      id: newId(),
      organizationId: params.organizationId,
      url,
      description: params.values.description,
      events: params.values.events,
      secret: encryptSecret(secret),
      status: 'ACTIVE',
      createdAt: params.now,
      updatedAt: params.now,
    })
    .returning();
  return { ...toWebhook(row!), secret };
}

export async function listWebhooks(
  db: Db,
  params: PageParams & { organizationId: string },
): Promise<Page<Webhook>> {
  const after = decodeCursor(params.cursor);
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.organizationId, params.organizationId),
        isNull(webhookEndpoints.deletedAt),
        after ? lt(webhookEndpoints.id, after) : undefined,
      ),
    )
    .orderBy(desc(webhookEndpoints.id))
    .limit(params.limit + 1);
  return toPage(rows, params.limit, toWebhook);
}

/** Changes an endpoint; setting status ACTIVE re-enables one that was disabled (e.g. after a 410). */
export async function updateWebhook(
  db: Db,
  params: { organizationId: string; id: string; patch: UpdateWebhook; now: Date },
): Promise<Webhook> {
  const { patch } = params;
  await requireWebhook(db, params);
  const url = patch.url !== undefined ? await assertDeliverableUrl(patch.url) : undefined;
  const [row] = await db
    .update(webhookEndpoints)
    .set({
      ...(url !== undefined ? { url } : {}),
      ...(patch.events !== undefined ? { events: patch.events } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.status !== undefined
        ? {
            status: patch.status,
            disabledReason: patch.status === 'ACTIVE' ? null : 'Disabled through the API.',
          }
        : {}),
      updatedAt: params.now,
    })
    .where(
      and(
        eq(webhookEndpoints.organizationId, params.organizationId),
        eq(webhookEndpoints.id, params.id),
      ),
    )
    .returning();
  return toWebhook(row!);
}

/** Deletes an endpoint; deliveries still waiting for a retry are given up. */
export async function deleteWebhook(
  db: Db,
  params: { organizationId: string; id: string; now: Date },
): Promise<void> {
  await requireWebhook(db, params);
  await db.transaction(async (tx) => {
    await tx
      .update(webhookEndpoints)
      .set({ deletedAt: params.now, updatedAt: params.now })
      .where(
        and(
          eq(webhookEndpoints.organizationId, params.organizationId),
          eq(webhookEndpoints.id, params.id),
        ),
      );
    await tx
      .update(webhookDeliveries)
      .set({
        status: 'FAILED',
        completedAt: params.now,
        nextAttemptAt: null,
        lastError: 'The endpoint was deleted.',
      })
      .where(
        and(eq(webhookDeliveries.endpointId, params.id), eq(webhookDeliveries.status, 'PENDING')),
      );
  });
}

/**
 * A new signing secret. The old one keeps signing beside it for `graceHours` (Standard Webhooks
 * allows several signatures), so receivers can switch without losing a delivery.
 */
export async function rotateWebhookSecret(
  db: Db,
  params: { organizationId: string; id: string; graceHours: number; now: Date },
): Promise<Webhook & { secret: string }> {
  const current = await requireWebhook(db, params);
  const secret = generateWebhookSecret();
  const [row] = await db
    .update(webhookEndpoints)
    .set({
      secret: encryptSecret(secret),
      // Already encrypted as stored.
      previousSecret: params.graceHours > 0 ? current.secret : null,
      previousSecretExpiresAt:
        params.graceHours > 0
          ? new Date(params.now.getTime() + params.graceHours * 3_600_000)
          : null,
      updatedAt: params.now,
    })
    .where(eq(webhookEndpoints.id, current.id))
    .returning();
  return { ...toWebhook(row!), secret };
}
