import 'server-only';
import type { EventType, Webhook } from '@/lib/contracts/webhooks';
import type { webhookEndpoints } from '@/lib/server/db/schema/webhooks';

export type WebhookRow = typeof webhookEndpoints.$inferSelect;

export function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: (row.events as EventType[] | null) ?? null,
    status: row.status,
    disabledReason: row.disabledReason,
    previousSecretExpiresAt: row.previousSecretExpiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
