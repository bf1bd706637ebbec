import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reencryptStoredSecrets } from '@/lib/server/crypto/reencrypt-secrets';
import { getDb } from '@/lib/server/db/client';
import { webhookEndpoints } from '@/lib/server/db/schema/webhooks';
import { verifyWebhook } from '@/lib/server/webhooks/signing';
import type { Client } from '../support/api';
import { newOrganization } from '../support/factories';
import { startReceiver } from '../support/receiver';

/** DESIGN §10: webhook signing secrets are stored encrypted, and old plain ones are migrated. */
describe('webhook secrets at rest', () => {
  let api: Client;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    api = await newOrganization('Secrets');
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  const stored = async (id: string) =>
    (await getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0]!;

  it('stores a new secret encrypted, never as shown, and signs with it', async () => {
    const created = await api.post('/v1/webhooks', { url: receiver.url });
    expect(created.status).toBe(201);
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^whsec_/);
    const row = await stored(created.body.id);
    expect(row.secret).toMatch(/^enc:v1:[\w-]{8}:/);
    expect(row.secret).not.toContain(secret.slice(6));

    const test = await api.post(`/v1/webhooks/${created.body.id}/test`);
    expect(test.body.delivered).toBe(true);
    const got = receiver.received.at(-1)!;
    expect(
      verifyWebhook({
        secret,
        headers: got.headers as Record<string, string>,
        body: got.body,
        now: Math.floor(Date.now() / 1000),
      }),
    ).toBe(true);
  });

  it('migrates a secret stored in plain text before encryption, and keeps signing with it', async () => {
    const created = await api.post('/v1/webhooks', { url: receiver.url });
    const plain = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    await getDb()
      .update(webhookEndpoints)
      .set({ secret: plain, previousSecret: null })
      .where(eq(webhookEndpoints.id, created.body.id));

    // Read as it is until the boot task rewrites it.
    const before = await api.post(`/v1/webhooks/${created.body.id}/test`);
    expect(before.body.delivered).toBe(true);

    expect(await reencryptStoredSecrets(getDb())).toBeGreaterThanOrEqual(1);
    const row = await stored(created.body.id);
    expect(row.secret).toMatch(/^enc:v1:/);
    expect(row.secret).not.toContain('MfKQ9r8');
    expect(await reencryptStoredSecrets(getDb())).toBe(0);

    const after = await api.post(`/v1/webhooks/${created.body.id}/test`);
    expect(after.body.delivered).toBe(true);
    const got = receiver.received.at(-1)!;
    expect(
      verifyWebhook({
        secret: plain,
        headers: got.headers as Record<string, string>,
        body: got.body,
        now: Math.floor(Date.now() / 1000),
      }),
    ).toBe(true);
  });

  it('keeps the previous secret signing after a rotation, both encrypted', async () => {
    const created = await api.post('/v1/webhooks', { url: receiver.url });
    const rotated = await api.post(`/v1/webhooks/${created.body.id}/rotate-secret`, {});
    expect(rotated.status).toBe(200);
    const row = await stored(created.body.id);
    expect(row.secret).toMatch(/^enc:v1:/);
    expect(row.previousSecret).toMatch(/^enc:v1:/);
    const test = await api.post(`/v1/webhooks/${created.body.id}/test`);
    expect(test.body.delivered).toBe(true);
    const got = receiver.received.at(-1)!;
    for (const secret of [created.body.secret as string, rotated.body.secret as string]) {
      expect(
        verifyWebhook({
          secret,
          headers: got.headers as Record<string, string>,
          body: got.body,
          now: Math.floor(Date.now() / 1000),
        }),
      ).toBe(true);
    }
  });
});
