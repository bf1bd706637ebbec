import { afterAll, describe, expect, it } from 'vitest';
import {
  dateInDays,
  eventually,
  interviewer,
  meetingConfiguration,
  schedulingBody,
} from '../support/factories';
import { childApi, childDatabase, startChildApp } from '../support/child-app';
import { startReceiver } from '../support/receiver';

describe('webhook durability across a crash', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  // On a loaded machine the kill can come after the retry fell due (≈5 s after the first attempt)
  // and its job was taken: the app dies mid-send. The minute webhooks.sweep then gives the
  // delivery a new job once it is a minute late and its lease has run out (well within the wait
  // after the restart); one retry covers a kill after the retry was sent.
  it(
    'delivers a pending retry after the app is killed and started again, and only once',
    { timeout: 420_000, retry: 1 },
    async () => {
      const database = await childDatabase();
      cleanups.push(database.drop);
      const receiver = await startReceiver((n) => ({ status: n === 1 ? 500 : 200 }));
      cleanups.push(receiver.close);
      // The production timeout: the suite's 2 s is shorter than a freshly started app on the
      // embedded database can be busy (its queries run on the event loop), which times an attempt
      // out that the receiver never saw, and the next one is minutes away.
      const settings = { ...database.env, PARLEY_WEBHOOK_TIMEOUT_MS: '15000' };
      const env = { ...settings, PARLEY_DEMO_SEED: '1' };

      let app = await startChildApp(env);
      cleanups.push(() => app.stop());
      const credentials = app.credentials!;
      const { post } = childApi(app);

      const webhook = await post('/v1/webhooks', {
        url: receiver.url,
        events: ['CALENDAR_MEETING_SCHEDULED'],
      });
      expect(webhook.status).toBe(201);
      // The deliveries route answers once now, so that polling it below is quick (a first request
      // to a route of a freshly started app loads its code).
      const { get } = childApi(app, credentials);
      expect((await get(`/v1/webhooks/${webhook.body.id}/deliveries`)).status).toBe(200);
      const campaign = await post('/v1/campaigns', { campaignTitle: 'Durable', channel: 'EMAIL' });
      const day = dateInDays(4);
      const conversation = await post(
        '/v1/scheduling/conversations',
        schedulingBody(campaign.body.id, {
          meetingParticipants: [
            interviewer({
              availability: {
                timezone: 'UTC',
                timeSlots: [{ date: day, startTime: '09:00', endTime: '10:00' }],
              },
            }),
          ],
          meetingConfiguration: meetingConfiguration({ timezone: 'UTC' }),
        }),
      );
      const token = conversation.body.bookingUrl.split('/book/')[1];
      const booked = await fetch(`${app.baseUrl}/v1/booking/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ start: `${day}T09:00:00.000Z` }),
      });
      expect(booked.status).toBe(201);

      // The first attempt fails with 500; kill the app while its retry (≈5 s later) is pending —
      // once that attempt is recorded, not the moment the receiver has it (a kill in between is a
      // crash mid-send, which pg-boss's job expiry recovers, minutes later).
      await eventually(async () => receiver.received.length === 1, 60_000);
      const recorded = await eventually(async () => {
        const { body } = await get(`/v1/webhooks/${webhook.body.id}/deliveries`);
        return body.data[0]?.attempts?.length >= 1 ? body.data[0] : null;
      });
      expect(recorded.status).toBe('PENDING');
      await app.stop('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 7000));
      expect(receiver.received).toHaveLength(1);

      app = await startChildApp({ ...settings, PARLEY_DEMO_SEED: '0' });
      await eventually(async () => receiver.received.length >= 2, 200_000);
      const [first, second] = receiver.received;
      expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
      expect(second!.json.event).toBe('CALENDAR_MEETING_SCHEDULED');

      const restarted = childApi(app, credentials);
      const deliveries = await eventually(async () => {
        const { body } = await restarted.get(`/v1/webhooks/${webhook.body.id}/deliveries`);
        return body.data[0]?.status === 'SUCCEEDED' ? body.data : null;
        // The restarted app's first answers on a loaded machine can take many seconds.
      }, 60_000);
      expect(deliveries[0].attempts.map((a: any) => a.statusCode)).toEqual([500, 200]);
      // Nothing more arrives after the 2xx.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(receiver.received).toHaveLength(2);
      await app.stop('SIGTERM');
    },
  );
});
