import { rotateSecretSchema } from '@/lib/contracts/webhooks';
import { apiRoute, ok } from '@/lib/server/http/route';
import { rotateWebhookSecret } from '@/lib/server/services/webhooks/manage-webhooks';
import { otherMethods } from '@/lib/server/http/methods';

export const POST = apiRoute<{ id: string }, typeof rotateSecretSchema>(
  { uuidParams: ['id'], body: rotateSecretSchema },
  async ({ db, caller, params, body, now }) =>
    ok(
      await rotateWebhookSecret(db, {
        organizationId: caller.organizationId,
        id: params.id,
        graceHours: body.graceHours,
        now,
      }),
    ),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
