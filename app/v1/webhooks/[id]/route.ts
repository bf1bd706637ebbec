import { updateWebhookSchema } from '@/lib/contracts/webhooks';
import { apiRoute, noContent, ok } from '@/lib/server/http/route';
import {
  deleteWebhook,
  requireWebhook,
  updateWebhook,
} from '@/lib/server/services/webhooks/manage-webhooks';
import { toWebhook } from '@/lib/server/services/webhooks/to-webhook';
import { otherMethods } from '@/lib/server/http/methods';

type Params = { id: string };

export const GET = apiRoute<Params>({ uuidParams: ['id'] }, async ({ db, caller, params }) =>
  ok(toWebhook(await requireWebhook(db, { organizationId: caller.organizationId, id: params.id }))),
);

export const PATCH = apiRoute<Params, typeof updateWebhookSchema>(
  { uuidParams: ['id'], body: updateWebhookSchema },
  async ({ db, caller, params, body, now }) =>
    ok(
      await updateWebhook(db, {
        organizationId: caller.organizationId,
        id: params.id,
        patch: body,
        now,
      }),
    ),
);

export const DELETE = apiRoute<Params>(
  { uuidParams: ['id'] },
  async ({ db, caller, params, now }) => {
    await deleteWebhook(db, { organizationId: caller.organizationId, id: params.id, now });
    return noContent();
  },
);

export const { POST, PUT, OPTIONS } = otherMethods({ GET, PATCH, DELETE });
