import { RECENT_DELIVERIES } from '@/lib/contracts/dashboard-developers';
import { sessionRoute } from '@/lib/server/dashboard/session-route';
import { listDeliveries } from '@/lib/server/services/webhooks/deliveries';

/** An endpoint's recent deliveries, for the live list on its dashboard page. */
export const GET = sessionRoute<{ id: string }>(
  { role: 'VIEWER', idParams: ['id'] },
  async ({ db, member, params }) => {
    const page = await listDeliveries(db, {
      organizationId: member.organizationId,
      webhookId: params.id,
      limit: RECENT_DELIVERIES,
      cursor: undefined,
    });
    return { deliveries: page.data };
  },
);
