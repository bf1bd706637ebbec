import { paginationQuerySchema } from '@/lib/contracts/common';
import { createWebhookSchema } from '@/lib/contracts/webhooks';
import { apiRoute, created, ok } from '@/lib/server/http/route';
import { createWebhook, listWebhooks } from '@/lib/server/services/webhooks/manage-webhooks';
import { otherMethods } from '@/lib/server/http/methods';

export const POST = apiRoute({ body: createWebhookSchema }, async ({ db, caller, body, now }) =>
  created(await createWebhook(db, { organizationId: caller.organizationId, values: body, now })),
);

export const GET = apiRoute({ query: paginationQuerySchema }, async ({ db, caller, query }) =>
  ok(await listWebhooks(db, { organizationId: caller.organizationId, ...query })),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST, GET });
