'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import {
  apiKeyIdFormSchema,
  createApiKeyFormSchema,
  createWebhookFormSchema,
  replayDeliveryFormSchema,
  webhookIdFormSchema,
} from '@/lib/contracts/dashboard-developers';
import { dashboardAction } from '@/lib/server/dashboard/action';
import { createApiKey } from '@/lib/server/services/api-keys/create-api-key';
import { revokeApiKey } from '@/lib/server/services/api-keys/manage-api-keys';
import { sendTestWebhook } from '@/lib/server/services/webhooks/deliveries';
import {
  createWebhook,
  deleteWebhook,
  rotateWebhookSecret,
} from '@/lib/server/services/webhooks/manage-webhooks';
import { replayDelivery } from '@/lib/server/services/webhooks/replay-delivery';

const PAGE = '/dashboard/developers';
const DAY_MS = 86_400_000;
/** How long the old secret keeps signing after a rotation from the dashboard (the API's default). */
const ROTATION_GRACE_HOURS = 24;

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

export const createApiKeyAction = dashboardAction(
  {
    role: 'ADMIN',
    schema: createApiKeyFormSchema,
    read: (form) => ({
      name: field(form, 'name'),
      expiresInDays: field(form, 'expiresInDays') || null,
    }),
  },
  async ({ db, now, member, input }) => {
    const { apiKey, key } = await createApiKey(db, {
      organizationId: member.organizationId,
      name: input.name,
      expiresAt:
        input.expiresInDays === null
          ? null
          : new Date(now.getTime() + input.expiresInDays * DAY_MS),
      now,
    });
    revalidatePath(PAGE);
    return { status: 'ok', message: `The key “${key.name}” was created.`, secret: apiKey };
  },
);

export const revokeApiKeyAction = dashboardAction(
  {
    role: 'ADMIN',
    schema: apiKeyIdFormSchema,
    read: (form) => ({ keyId: field(form, 'keyId') }),
  },
  async ({ db, now, member, input }) => {
    await revokeApiKey(db, { organizationId: member.organizationId, id: input.keyId, now });
    revalidatePath(PAGE);
    return { status: 'ok', message: 'The key was revoked: the API refuses it from now on.' };
  },
);

export const createWebhookAction = dashboardAction(
  {
    role: 'ADMIN',
    schema: createWebhookFormSchema,
    read: (form) => {
      const events = form.getAll('events').filter((v) => typeof v === 'string');
      return {
        url: field(form, 'url'),
        events: events.length > 0 ? events : null,
        description: field(form, 'description'),
      };
    },
  },
  async ({ db, now, member, input }) => {
    const webhook = await createWebhook(db, {
      organizationId: member.organizationId,
      values: input,
      now,
    });
    revalidatePath(PAGE);
    return {
      status: 'ok',
      message: `The endpoint ${webhook.url} was added.`,
      secret: webhook.secret,
    };
  },
);

export const deleteWebhookAction = dashboardAction(
  {
    role: 'ADMIN',
    schema: webhookIdFormSchema,
    read: (form) => ({ webhookId: field(form, 'webhookId') }),
  },
  async ({ db, now, member, input }) => {
    await deleteWebhook(db, { organizationId: member.organizationId, id: input.webhookId, now });
    revalidatePath(PAGE);
    // Its own page is gone now: back to the list.
    redirect(PAGE);
  },
);

export const rotateWebhookSecretAction = dashboardAction(
  {
    role: 'ADMIN',
    schema: webhookIdFormSchema,
    read: (form) => ({ webhookId: field(form, 'webhookId') }),
  },
  async ({ db, now, member, input }) => {
    const webhook = await rotateWebhookSecret(db, {
      organizationId: member.organizationId,
      id: input.webhookId,
      graceHours: ROTATION_GRACE_HOURS,
      now,
    });
    revalidatePath(`${PAGE}/webhooks/${input.webhookId}`);
    return { status: 'ok', message: 'A new signing secret was made.', secret: webhook.secret };
  },
);

export const sendTestWebhookAction = dashboardAction(
  {
    role: 'ADMIN',
    schema: webhookIdFormSchema,
    read: (form) => ({ webhookId: field(form, 'webhookId') }),
  },
  async ({ db, now, member, input }) => {
    const result = await sendTestWebhook(db, {
      organizationId: member.organizationId,
      id: input.webhookId,
      now,
    });
    revalidatePath(`${PAGE}/webhooks/${input.webhookId}`);
    return result.delivered
      ? { status: 'ok', message: `Test event delivered: HTTP ${result.statusCode}.` }
      : { status: 'error', message: `The test event was not accepted: ${result.error}.` };
  },
);

export const replayDeliveryAction = dashboardAction(
  {
    role: 'ADMIN',
    schema: replayDeliveryFormSchema,
    read: (form) => ({
      webhookId: field(form, 'webhookId'),
      deliveryId: field(form, 'deliveryId'),
    }),
  },
  async ({ db, now, member, input }) => {
    await replayDelivery(db, {
      organizationId: member.organizationId,
      webhookId: input.webhookId,
      deliveryId: input.deliveryId,
      now,
    });
    revalidatePath(`${PAGE}/webhooks/${input.webhookId}`);
    return { status: 'ok', message: 'Replay queued: the delivery is being sent again.' };
  },
);
