import { paginationQuerySchema } from '@/lib/contracts/common';
import { apiRoute, ok } from '@/lib/server/http/route';
import { listDeliveries } from '@/lib/server/services/webhooks/deliveries';

export const GET = apiRoute<{ id: string }, undefined, typeof paginationQuerySchema>(
  { uuidParams: ['id'], query: paginationQuerySchema },
  async ({ db, caller, params, query }) =>
    ok(
      await listDeliveries(db, {
        organizationId: caller.organizationId,
        webhookId: params.id,
        ...query,
      }),
    ),
);
