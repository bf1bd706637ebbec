import 'server-only';
import { isId } from '@/lib/contracts/common';
import { RECENT_DELIVERIES } from '@/lib/contracts/dashboard-developers';
import { DomainError } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import { findFailingEndpoints } from '@/lib/server/queries/dashboard-overview';
import { listApiKeys } from '@/lib/server/services/api-keys/manage-api-keys';
import { listDeliveries } from '@/lib/server/services/webhooks/deliveries';
import { listWebhooks, requireWebhook } from '@/lib/server/services/webhooks/manage-webhooks';
import { toWebhook } from '@/lib/server/services/webhooks/to-webhook';

const WEEK_MS = 7 * 86_400_000;

/**
 * The developers page: API keys, webhook endpoints and which of them are failing (disabled, or a
 * delivery failed or is retrying this week: the overview's rule).
 */
export async function getDevelopers(db: Db, params: { organizationId: string; now: Date }) {
  const [keys, webhooks, failing] = await Promise.all([
    listApiKeys(db, { organizationId: params.organizationId }),
    listWebhooks(db, { organizationId: params.organizationId, limit: 100 }),
    findFailingEndpoints(db, {
      organizationId: params.organizationId,
      since: new Date(params.now.getTime() - WEEK_MS),
    }),
  ]);
  const health = Object.fromEntries(
    failing.map((f) => [f.id, { failing: f.failing, isDisabled: f.status === 'DISABLED' }]),
  );
  return { keys, webhooks: webhooks.data, health };
}

/** One endpoint and its latest deliveries; another organization's (or no) endpoint is a 404. */
export async function getWebhookEndpointPage(
  db: Db,
  params: { organizationId: string; id: string },
) {
  if (!isId(params.id)) throw new DomainError('not_found', 'Webhook not found');
  const webhook = toWebhook(await requireWebhook(db, params));
  const deliveries = await listDeliveries(db, {
    organizationId: params.organizationId,
    webhookId: webhook.id,
    limit: RECENT_DELIVERIES,
  });
  return { webhook, deliveries: deliveries.data };
}
