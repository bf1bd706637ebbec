import { paginationQuerySchema } from '@/lib/contracts/common';
import { apiRoute, ok } from '@/lib/server/http/route';
import { listDeliveries } from '@/lib/server/services/webhooks/deliveries';
import { otherMethods } from '@/lib/server/http/methods';

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

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
