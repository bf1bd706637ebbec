import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { webhookDeliveries } from '@/lib/server/db/schema/webhooks';
import { envelopeSchema } from '@/lib/contracts/webhooks';
import { verifyWebhook } from '@/lib/server/webhooks/signing';
import { call, type Client } from '../support/api';
import {
  dateInDays,
  eventually,
  interviewer,
  meetingConfiguration,
  newCampaign,
  newOrganization,
  schedulingBody,
  tokenOf,
} from '../support/factories';
import { startReceiver, type Received } from '../support/receiver';

const DAY = dateInDays(6);

/** A conversation whose interviewer is free all day on DAY (UTC), and its first offered start. */
async function bookableConversation(api: Client, campaignId: string) {
  const res = await api.post(
    '/v1/scheduling/conversations',
    schedulingBody(campaignId, {
      meetingParticipants: [
        interviewer({
          availability: {
            timezone: 'UTC',
            timeSlots: [{ date: DAY, startTime: '08:00', endTime: '18:00' }],
          },
        }),
      ],
      meetingConfiguration: meetingConfiguration({ timezone: 'UTC' }),
    }),
  );
  const token = tokenOf(res.body);
  const slots = await call('GET', `/v1/booking/${token}/slots?from=${DAY}&to=${DAY}`);
  return {
    conversation: res.body,
    token,
    starts: slots.body.slots.map((s: { start: string }) => s.start) as string[],
  };
}

function verify(secret: string, entry: Received): boolean {
  return verifyWebhook({
    secret,
    headers: entry.headers as Record<string, string>,
    body: entry.body,
    now: Math.floor(Date.now() / 1000),
  });
}

describe('webhook endpoints API', () => {
  let api: Client;
  beforeAll(async () => {
    api = await newOrganization();
  });

  it('registers an endpoint, shows the secret once, lists, reads, updates and deletes it', async () => {
    const created = await api.post('/v1/webhooks', {
      url: 'http://127.0.0.1:9/hooks',
      events: ['CALENDAR_MEETING_SCHEDULED'],
      description: 'ATS',
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(created.body).toMatchObject({
      url: 'http://127.0.0.1:9/hooks',
      events: ['CALENDAR_MEETING_SCHEDULED'],
      status: 'ACTIVE',
      description: 'ATS',
    });
    const read = await api.get(`/v1/webhooks/${created.body.id}`);
    expect(read.body).not.toHaveProperty('secret');
    expect(JSON.stringify((await api.get('/v1/webhooks')).body)).not.toContain(created.body.secret);
    const patched = await api.patch(`/v1/webhooks/${created.body.id}`, { events: null });
    expect(patched.body.events).toBeNull();
    expect((await api.delete(`/v1/webhooks/${created.body.id}`)).status).toBe(204);
    expect((await api.get(`/v1/webhooks/${created.body.id}`)).status).toBe(404);
    const stranger = await newOrganization('Stranger');
    const other = await api.post('/v1/webhooks', { url: 'http://127.0.0.1:9/x' });
    expect((await stranger.get(`/v1/webhooks/${other.body.id}`)).status).toBe(404);
    expect((await stranger.get(`/v1/webhooks/${other.body.id}/deliveries`)).status).toBe(404);
  });

  it.each([
    ['ftp://example.com/hook'],
    ['not a url'],
    ['http://10.0.0.5/hook'],
    ['http://169.254.169.254/latest/meta-data'],
    ['http://[fd00::1]/hook'],
    ['http://user:pass@127.0.0.1/hook'],
    ['http://0x0a000001/hook'],
  ])('refuses %s', async (url) => {
    const res = await api.post('/v1/webhooks', { url });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('url');
  });

  it('validates the events filter', async () => {
    for (const events of [
      ['NOPE'],
      [],
      ['CALENDAR_MEETING_SCHEDULED', 'CALENDAR_MEETING_SCHEDULED'],
    ]) {
      const res = await api.post('/v1/webhooks', { url: 'http://127.0.0.1:9/hooks', events });
      expect(res.status, JSON.stringify(events)).toBe(400);
    }
  });
});

describe('webhook delivery', () => {
  let api: Client;
  let campaignId: string;
  const receivers: { close: () => Promise<void> }[] = [];

  beforeAll(async () => {
    api = await newOrganization('Deliveries');
    campaignId = await newCampaign(api, { channel: 'EMAIL', externalId: 'ats-campaign-9' });
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
  });

  /** An endpoint for meeting events (conversation events are filtered out unless asked for). */
  async function endpoint(
    respond?: Parameters<typeof startReceiver>[0],
    events = [
      'CALENDAR_MEETING_SCHEDULED',
      'CALENDAR_MEETING_RESCHEDULED',
      'CALENDAR_MEETING_CANCELLED',
    ],
  ) {
    const receiver = await startReceiver(respond);
    receivers.push(receiver);
    const created = await api.post('/v1/webhooks', { url: receiver.url, events });
    expect(created.status).toBe(201);
    return { receiver, webhook: created.body };
  }

  it('delivers a signed CALENDAR_MEETING_SCHEDULED with the documented envelope', async () => {
    const { receiver, webhook } = await endpoint();
    const { conversation, token, starts } = await bookableConversation(api, campaignId);
    const booked = await call('POST', `/v1/booking/${token}`, { body: { start: starts[0] } });
    const entry = await eventually(async () =>
      receiver.received.find((r) => r.json?.data?.conversationId === conversation.id),
    );
    expect(verify(webhook.secret, entry)).toBe(true);
    // The payload is exactly what the published schema (docs/webhooks) describes.
    expect(
      envelopeSchema('CALENDAR_MEETING_SCHEDULED').strict().safeParse(entry.json).success,
    ).toBe(true);
    expect(entry.headers['content-type']).toContain('application/json');
    expect(entry.headers['webhook-id']).toBe(entry.json.eventId);
    // The envelope in DESIGN's field order.
    expect(Object.keys(entry.json)).toEqual(['event', 'eventId', 'eventTimestamp', 'data']);
    expect(Math.abs(Number(entry.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(
      10,
    );
    expect(entry.json).toMatchObject({
      event: 'CALENDAR_MEETING_SCHEDULED',
      eventId: expect.stringMatching(/^evt_/),
      eventTimestamp: expect.stringMatching(/\.\d{3}Z$/),
      data: {
        recordId: booked.body.meeting.id,
        organizationId: api.auth.organizationId,
        conversationId: conversation.id,
        externalConversationId: null,
        campaignId,
        externalCampaignId: 'ats-campaign-9',
        meetingDetails: {
          title: conversation.meetingConfiguration.title,
          startDateTime: starts[0],
          timezone: 'UTC',
          videoConference: true,
          videoConferencingProvider: 'Google Meet',
          meetingUrl: booked.body.meeting.meetingUrl,
        },
      },
    });
    expect(entry.json.data.meetingDetails.participants).toHaveLength(2);
    // A signature made with another secret does not verify.
    expect(verify('whsec_' + Buffer.alloc(32, 7).toString('base64'), entry)).toBe(false);
    const deliveries = await api.get(`/v1/webhooks/${webhook.id}/deliveries`);
    await eventually(
      async () =>
        (await api.get(`/v1/webhooks/${webhook.id}/deliveries`)).body.data[0]?.status ===
        'SUCCEEDED',
    );
    expect(deliveries.status).toBe(200);
  });

  it('retries after a 500 with the same webhook-id, first retry within 10 s, and logs every attempt', async () => {
    const { receiver, webhook } = await endpoint((n) => ({ status: n === 1 ? 500 : 200 }));
    const { token, starts } = await bookableConversation(api, campaignId);
    await call('POST', `/v1/booking/${token}`, { body: { start: starts[1] } });
    await eventually(async () => receiver.received.length >= 2, 20_000);
    const [first, second] = receiver.received;
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(second!.body).toBe(first!.body);
    expect(second!.at - first!.at).toBeLessThan(10_000);
    expect(second!.at - first!.at).toBeGreaterThan(3_000);
    const delivery = await eventually(async () => {
      const list = await api.get(`/v1/webhooks/${webhook.id}/deliveries`);
      return list.body.data[0]?.status === 'SUCCEEDED' ? list.body.data[0] : null;
    });
    expect(delivery.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 200]);
    expect(delivery.attempts[0]).toMatchObject({
      attempt: 1,
      error: 'HTTP 500',
      durationMs: expect.any(Number),
    });
    expect(delivery.attemptCount).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.received).toHaveLength(2);
  });

  it('treats a timeout as a failure and retries', async () => {
    const { receiver, webhook } = await endpoint((n) => ({
      status: 200,
      delayMs: n === 1 ? 3000 : 0,
    }));
    const { token, starts } = await bookableConversation(api, campaignId);
    await call('POST', `/v1/booking/${token}`, { body: { start: starts[2] } });
    const delivery = await eventually(async () => {
      const list = await api.get(`/v1/webhooks/${webhook.id}/deliveries`);
      return list.body.data[0]?.status === 'SUCCEEDED' ? list.body.data[0] : null;
    }, 20_000);
    expect(delivery.attempts[0].error).toMatch(/Timed out/);
    expect(delivery.attempts[0].statusCode).toBeNull();
    expect(receiver.received.length).toBeGreaterThanOrEqual(2);
  });

  it('disables the endpoint when it answers 410 Gone', async () => {
    const { receiver, webhook } = await endpoint(() => ({ status: 410 }));
    const first = await bookableConversation(api, campaignId);
    await call('POST', `/v1/booking/${first.token}`, { body: { start: first.starts[3] } });
    await eventually(
      async () => (await api.get(`/v1/webhooks/${webhook.id}`)).body.status === 'DISABLED',
    );
    const read = await api.get(`/v1/webhooks/${webhook.id}`);
    expect(read.body.disabledReason).toMatch(/410/);
    const count = receiver.received.length;
    const second = await bookableConversation(api, campaignId);
    await call('POST', `/v1/booking/${second.token}`, { body: { start: second.starts[4] } });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.received.length).toBe(count);
    const [delivery] = (await api.get(`/v1/webhooks/${webhook.id}/deliveries`)).body.data;
    expect(delivery.status).toBe('FAILED');
    // Re-enabling works.
    expect(
      (await api.patch(`/v1/webhooks/${webhook.id}`, { status: 'ACTIVE' })).body,
    ).toMatchObject({ status: 'ACTIVE', disabledReason: null });
  });

  it('respects the events filter', async () => {
    const { receiver } = await endpoint(undefined, ['CALENDAR_MEETING_CANCELLED']);
    const { conversation, token, starts } = await bookableConversation(api, campaignId);
    await call('POST', `/v1/booking/${token}`, { body: { start: starts[5] } });
    await call('POST', `/v1/booking/${token}/cancel`, { body: { reason: 'Changed my mind' } });
    const entry = await eventually(async () =>
      receiver.received.find((r) => r.json?.data?.conversationId === conversation.id),
    );
    expect(entry.json.event).toBe('CALENDAR_MEETING_CANCELLED');
    expect(entry.json.data).toMatchObject({
      cancelledBy: 'CANDIDATE',
      cancellationReason: 'Changed my mind',
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.received.every((r) => r.json.event === 'CALENDAR_MEETING_CANCELLED')).toBe(
      true,
    );
  });

  it('sends the conversation events, each matching its published schema', async () => {
    const { receiver } = await endpoint(undefined, [
      'CONVERSATION_STARTED',
      'CONVERSATION_COMPLETED',
    ]);
    const { conversation, token, starts } = await bookableConversation(api, campaignId);
    await eventually(() =>
      receiver.received.some((r) => r.json?.data?.conversationId === conversation.id),
    );
    await call('POST', `/v1/booking/${token}`, { body: { start: starts[7] } });
    const mine = await eventually(() => {
      const list = receiver.received.filter(
        (r) => r.json?.data?.conversationId === conversation.id,
      );
      return list.length >= 2 ? list : null;
    });
    expect(mine.map((r) => r.json.event)).toEqual([
      'CONVERSATION_STARTED',
      'CONVERSATION_COMPLETED',
    ]);
    expect(mine.map((r) => r.json.data.conversationStatus)).toEqual(['ONGOING', 'COMPLETED']);
    for (const entry of mine) {
      expect(envelopeSchema(entry.json.event).strict().safeParse(entry.json).success).toBe(true);
    }
  });

  it('sends a test event on request and reports the outcome', async () => {
    const { receiver, webhook } = await endpoint(undefined, ['CONVERSATION_STARTED']);
    const res = await api.post(`/v1/webhooks/${webhook.id}/test`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ delivered: true, statusCode: 200, error: null });
    expect(receiver.received[0]!.json).toMatchObject({
      event: 'WEBHOOK_TEST',
      eventId: res.body.eventId,
    });
    expect(verify(webhook.secret, receiver.received[0]!)).toBe(true);
    const failing = await endpoint(() => ({ status: 503 }));
    const failed = await api.post(`/v1/webhooks/${failing.webhook.id}/test`);
    expect(failed.body).toMatchObject({ delivered: false, statusCode: 503 });
  });

  it('signs with both secrets during a rotation', async () => {
    const { receiver, webhook } = await endpoint();
    const rotated = await api.post(`/v1/webhooks/${webhook.id}/rotate-secret`, { graceHours: 1 });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(webhook.secret);
    expect(rotated.body.previousSecretExpiresAt).not.toBeNull();
    await api.post(`/v1/webhooks/${webhook.id}/test`);
    const entry = receiver.received.at(-1)!;
    expect(String(entry.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(webhook.secret, entry)).toBe(true);
    expect(verify(rotated.body.secret, entry)).toBe(true);
    const immediate = await api.post(`/v1/webhooks/${webhook.id}/rotate-secret`, { graceHours: 0 });
    await api.post(`/v1/webhooks/${webhook.id}/test`);
    const last = receiver.received.at(-1)!;
    expect(String(last.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verify(immediate.body.secret, last)).toBe(true);
    expect(verify(rotated.body.secret, last)).toBe(false);
  });

  it('marks a delivery FAILED after its last attempt', async () => {
    const { receiver, webhook } = await endpoint(() => ({ status: 500 }));
    const { token, starts } = await bookableConversation(api, campaignId);
    await call('POST', `/v1/booking/${token}`, { body: { start: starts[6] } });
    await eventually(async () => receiver.received.length >= 1);
    const [delivery] = await eventually(async () => {
      const rows = await getDb()
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.endpointId, webhook.id));
      return rows[0]?.attemptCount === 1 && rows[0].status === 'PENDING' ? rows : null;
    });
    // Pretend nine attempts were made: the retry now due is the tenth and last.
    await getDb()
      .update(webhookDeliveries)
      .set({ attemptCount: 9 })
      .where(eq(webhookDeliveries.id, delivery!.id));
    await eventually(async () => receiver.received.length >= 2, 20_000);
    const final = await eventually(async () => {
      const list = await api.get(`/v1/webhooks/${webhook.id}/deliveries`);
      return list.body.data[0]?.status === 'FAILED' ? list.body.data[0] : null;
    });
    expect(final).toMatchObject({
      attemptCount: 10,
      nextAttemptAt: null,
      completedAt: expect.any(String),
    });
  });
});
