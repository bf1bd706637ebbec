import { afterAll, describe, expect, it } from 'vitest';
import {
  eventually,
  interviewer,
  meetingConfiguration,
  schedulingBody,
  uniqueEmail,
} from '../support/factories';
import { childApi, childDatabase, startChildApp, startWorkerProcess } from '../support/child-app';
import { startReceiver } from '../support/receiver';

/** Scale-out mode: web process with PARLEY_WORKER=off and separate worker processes (PostgreSQL only). */
describe.skipIf(process.env.PARLEY_TEST_DB !== 'postgres')('several worker processes', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('deliver every event exactly once between them', async () => {
    const database = await childDatabase();
    cleanups.push(database.drop);
    const receiver = await startReceiver();
    cleanups.push(receiver.close);
    const app = await startChildApp({
      ...database.env,
      PARLEY_DEMO_SEED: '1',
      PARLEY_WORKER: 'off',
    });
    cleanups.push(() => app.stop());
    const workers = [
      startWorkerProcess(database.env.DATABASE_URL!),
      startWorkerProcess(database.env.DATABASE_URL!),
    ];
    for (const worker of workers) cleanups.push(worker.stop);

    const { post } = childApi(app);
    expect(
      (
        await post('/v1/webhooks', {
          url: receiver.url,
          events: ['CALENDAR_AVAILABILITY_NOT_FOUND'],
        })
      ).status,
    ).toBe(201);
    const campaign = await post('/v1/campaigns', { campaignTitle: 'Scale', channel: 'EMAIL' });

    // Each conversation has nothing to offer: one CALENDAR_AVAILABILITY_NOT_FOUND event each.
    const total = 40;
    await Promise.all(
      Array.from({ length: total }, () =>
        post(
          '/v1/scheduling/conversations',
          schedulingBody(campaign.body.id, {
            emailAddress: uniqueEmail(),
            meetingParticipants: [
              interviewer({
                availability: {
                  timezone: 'UTC',
                  timeSlots: [{ date: '2020-01-01', startTime: '09:00', endTime: '10:00' }],
                },
              }),
            ],
            meetingConfiguration: meetingConfiguration({ timezone: 'UTC' }),
          }),
        ),
      ),
    );
    await eventually(() => receiver.received.length >= total, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(receiver.received.every((r) => r.json.event === 'CALENDAR_AVAILABILITY_NOT_FOUND')).toBe(
      true,
    );
  }, 120_000);
});
