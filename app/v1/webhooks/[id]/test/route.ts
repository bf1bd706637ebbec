import { apiRoute, ok } from '@/lib/server/http/route';
import { sendTestWebhook } from '@/lib/server/services/webhooks/deliveries';
import { otherMethods } from '@/lib/server/http/methods';

export const POST = apiRoute<{ id: string }>(
  { uuidParams: ['id'] },
  async ({ db, caller, params, now }) =>
    ok(await sendTestWebhook(db, { organizationId: caller.organizationId, id: params.id, now })),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
