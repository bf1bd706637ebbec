import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/domain/errors';
import { getDb } from '@/lib/server/db/client';
import { webhookDeliveries } from '@/lib/server/db/schema/webhooks';
import { replayDelivery } from '@/lib/server/services/webhooks/replay-delivery';
import { verifyWebhook } from '@/lib/server/webhooks/signing';
import type { Client } from '../support/api';
import { eventually, newOrganization } from '../support/factories';
import { startReceiver, type Received } from '../support/receiver';

/** The dashboard's "Replay" (lib/server/services/webhooks/replay-delivery.ts), seen by a receiver. */
describe('replaying a webhook delivery', () => {
  let api: Client;
  let answer = 200;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    api = await newOrganization('Replay');
    receiver = await startReceiver(() => ({ status: answer }));
  });
  afterAll(async () => {
    await receiver.close();
  });

  async function endpointWithFailedTest() {
    const created = await api.post('/v1/webhooks', { url: receiver.url });
    expect(created.status).toBe(201);
    answer = 500;
    const test = await api.post(`/v1/webhooks/${created.body.id}/test`);
    expect(test.body).toMatchObject({ delivered: false, statusCode: 500 });
    answer = 200;
    return { webhook: created.body, deliveryId: test.body.deliveryId as string };
  }

  const replay = (
    webhookId: string,
    deliveryId: string,
    organizationId = api.auth.organizationId,
  ) => replayDelivery(getDb(), { organizationId, webhookId, deliveryId, now: new Date() });

  const deliveryOf = async (webhookId: string, deliveryId: string) =>
    ((await api.get(`/v1/webhooks/${webhookId}/deliveries`)).body.data as any[]).find(
      (d) => d.id === deliveryId,
    );

  it('sends the same event again through the job queue, signed, and logs the new attempt', async () => {
    const { webhook, deliveryId } = await endpointWithFailedTest();
    const before = receiver.received.length;
    const failed: Received = receiver.received.at(-1)!;
    expect(await deliveryOf(webhook.id, deliveryId)).toMatchObject({
      status: 'FAILED',
      attemptCount: 1,
    });

    await expect(replay(webhook.id, deliveryId)).resolves.toEqual({ deliveryId });

    const done = await eventually(async () => {
      const d = await deliveryOf(webhook.id, deliveryId);
      return d?.status === 'SUCCEEDED' ? d : null;
    });
    expect(done.attemptCount).toBe(2);
    expect(done.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 200]);
    expect(done.attempts[1].durationMs).toBeGreaterThanOrEqual(0);
    expect(receiver.received.length).toBe(before + 1);
    const replayed = receiver.received.at(-1)!;
    // The same event: same webhook-id and body, so a receiver can tell it is the one it missed.
    expect(replayed.headers['webhook-id']).toBe(failed.headers['webhook-id']);
    expect(replayed.json).toEqual(failed.json);
    expect(
      verifyWebhook({
        secret: webhook.secret,
        headers: replayed.headers as Record<string, string>,
        body: replayed.body,
        now: Math.floor(Date.now() / 1000),
      }),
    ).toBe(true);
    // Still one delivery of that event to that endpoint.
    const list = (await api.get(`/v1/webhooks/${webhook.id}/deliveries`)).body.data;
    expect(list.filter((d: { eventId: string }) => d.eventId === done.eventId)).toHaveLength(1);
  });

  it('sends a delivery that waits for a retry now, and a successful one again', async () => {
    const { webhook, deliveryId } = await endpointWithFailedTest();
    await getDb()
      .update(webhookDeliveries)
      .set({ status: 'PENDING', nextAttemptAt: new Date(Date.now() + 3_600_000) })
      .where(eq(webhookDeliveries.id, deliveryId));
    await replay(webhook.id, deliveryId);
    await eventually(
      async () => (await deliveryOf(webhook.id, deliveryId))?.status === 'SUCCEEDED',
    );
    const count = receiver.received.length;
    await replay(webhook.id, deliveryId);
    await eventually(async () => (await deliveryOf(webhook.id, deliveryId))?.attemptCount === 3);
    expect(receiver.received.length).toBe(count + 1);
    expect((await deliveryOf(webhook.id, deliveryId)).status).toBe('SUCCEEDED');
  });

  it('refuses a delivery being sent right now, and an endpoint that is disabled', async () => {
    const { webhook, deliveryId } = await endpointWithFailedTest();
    await getDb()
      .update(webhookDeliveries)
      .set({ status: 'SENDING', leaseUntil: new Date(Date.now() + 60_000) })
      .where(eq(webhookDeliveries.id, deliveryId));
    await expect(replay(webhook.id, deliveryId)).rejects.toMatchObject({ code: 'conflict' });
    // A lease that ran out (its worker died) may be taken over.
    await getDb()
      .update(webhookDeliveries)
      .set({ leaseUntil: new Date(Date.now() - 1000) })
      .where(eq(webhookDeliveries.id, deliveryId));
    await replay(webhook.id, deliveryId);
    await eventually(
      async () => (await deliveryOf(webhook.id, deliveryId))?.status === 'SUCCEEDED',
    );

    expect((await api.patch(`/v1/webhooks/${webhook.id}`, { status: 'DISABLED' })).status).toBe(
      200,
    );
    await expect(replay(webhook.id, deliveryId)).rejects.toMatchObject({ code: 'conflict' });
  });

  it("answers not_found for another organization's delivery, or one of another endpoint", async () => {
    const { webhook, deliveryId } = await endpointWithFailedTest();
    const other = await newOrganization('Stranger');
    const error = await replay(webhook.id, deliveryId, other.auth.organizationId).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'not_found' });
    const second = await api.post('/v1/webhooks', { url: receiver.url });
    await expect(replay(second.body.id, deliveryId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(replay(webhook.id, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'not_found',
    });
    // Nothing was sent for the refused replays.
    expect((await deliveryOf(webhook.id, deliveryId)).status).toBe('FAILED');
  });
});
