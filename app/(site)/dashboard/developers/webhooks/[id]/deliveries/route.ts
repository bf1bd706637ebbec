import { RECENT_DELIVERIES } from '@/lib/contracts/dashboard-developers';
import { DomainError } from '@/lib/domain/errors';
import { sessionRoute } from '@/lib/server/dashboard/session-route';
import { listDeliveries } from '@/lib/server/services/webhooks/deliveries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An endpoint's recent deliveries, for the live list on its dashboard page. */
export const GET = sessionRoute<{ id: string }>(
  { role: 'VIEWER' },
  async ({ db, member, params }) => {
    if (!UUID.test(params.id)) throw new DomainError('not_found', 'Webhook not found');
    const page = await listDeliveries(db, {
      organizationId: member.organizationId,
      webhookId: params.id,
      limit: RECENT_DELIVERIES,
      cursor: undefined,
    });
    return { deliveries: page.data };
  },
);
