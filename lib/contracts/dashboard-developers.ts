import { z } from 'zod';
import { idSchema, nameSchema } from './common';
import { createWebhookSchema } from './webhooks';

/** How long a new API key may live, as the dashboard offers it (null: until revoked). */
export const apiKeyLifetimes = [
  { days: null, label: 'Never (until revoked)' },
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
] as const;

/** An admin creates an API key from the dashboard (the CLI's `key create`). */
export const createApiKeyFormSchema = z.object({
  name: nameSchema(100),
  expiresInDays: z.coerce.number().int().min(1).max(3650).nullable(),
});

export const apiKeyIdFormSchema = z.object({ keyId: idSchema });

/** The dashboard registers an endpoint with the API's own schema (`POST /v1/webhooks`). */
export const createWebhookFormSchema = createWebhookSchema;

export const webhookIdFormSchema = z.object({ webhookId: idSchema });

export const replayDeliveryFormSchema = z.object({ webhookId: idSchema, deliveryId: idSchema });

export type ApiKeyStatus = 'ACTIVE' | 'EXPIRED' | 'REVOKED';

/** Whether a key still opens the API at `nowMs` (the same rule as the API's authentication). */
export function apiKeyStatus(
  key: { revokedAt: string | null; expiresAt: string | null },
  nowMs: number,
): ApiKeyStatus {
  if (key.revokedAt) return 'REVOKED';
  if (key.expiresAt && Date.parse(key.expiresAt) <= nowMs) return 'EXPIRED';
  return 'ACTIVE';
}

/** An API key as the dashboard lists it: never the key, only its last characters. */
export type ApiKeyView = {
  id: string;
  name: string;
  maskedKey: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
};

/** How many of an endpoint's latest deliveries its dashboard page shows. */
export const RECENT_DELIVERIES = 20;
