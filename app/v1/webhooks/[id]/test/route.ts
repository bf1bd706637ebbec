import { apiRoute, ok } from '@/lib/server/http/route';
import { sendTestWebhook } from '@/lib/server/services/webhooks/deliveries';

export const POST = apiRoute<{ id: string }>(
  { uuidParams: ['id'] },
  async ({ db, caller, params, now }) =>
    ok(await sendTestWebhook(db, { organizationId: caller.organizationId, id: params.id, now })),
);
