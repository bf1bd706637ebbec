import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeMicrosoft, type FakeMicrosoft } from '@/test/support/fake-microsoft';
import { connectMicrosoftAccount } from '@/test/support/microsoft-connection';
import type { CalendarClient, CalendarEventInput, Credentials } from '../types';
import { microsoftProvider } from './microsoft-provider';

const ORGANIZER = 'olivia@contoso.example';
const DAY = 86_400_000;
let fake: FakeMicrosoft;
let credentials: Credentials;
let stored: Credentials[];
let client: CalendarClient;

const input = (overrides: Partial<CalendarEventInput> = {}): CalendarEventInput => ({
  key: '0b7e4a9c2f1d4e8a9b3c5d6e7f8a9b0c',
  title: 'Interview: Ada Lovelace',
  description: 'Backend engineer, second round',
  start: new Date('2027-03-10T14:00:00Z'),
  end: new Date('2027-03-10T15:00:00Z'),
  timezone: 'Europe/Paris',
  location: null,
  withVideo: true,
  attendees: [
    { email: 'ada@candidates.example', name: 'Ada Lovelace' },
    { email: 'grace@contoso.example', name: 'Grace Hopper' },
  ],
  ...overrides,
});

beforeAll(async () => {
  fake = await startFakeMicrosoft();
  for (const [name, value] of Object.entries({ ...fake.env, PARLEY_CALENDAR_TIMEOUT_MS: '1000' })) {
    vi.stubEnv(name, value);
  }
  fake.addAccount(ORGANIZER, 'Olivia Organizer');
  credentials = (await connectMicrosoftAccount(fake, { loginHint: ORGANIZER })).credentials;
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  stored = [];
  client = microsoftProvider.client(credentials, (next) => {
    stored.push(next);
    return Promise.resolve();
  });
});

describe('Microsoft busy periods (getSchedule)', () => {
  it('asks in chunks of at most 62 days, in UTC, and keeps every item that is not free', async () => {
    fake.setBusy(ORGANIZER, [
      { start: new Date('2027-03-02T09:00:00Z'), end: new Date('2027-03-02T10:00:00Z') },
      {
        start: new Date('2027-03-03T09:00:00Z'),
        end: new Date('2027-03-03T09:30:00Z'),
        status: 'free',
      },
      {
        start: new Date('2027-04-20T13:00:00Z'),
        end: new Date('2027-04-20T14:30:00Z'),
        status: 'tentative',
      },
      {
        start: new Date('2027-05-25T07:00:00Z'),
        end: new Date('2027-05-25T08:00:00Z'),
        status: 'oof',
      },
    ]);
    const start = new Date('2027-03-01T00:00:00Z');
    const end = new Date(start.getTime() + 130 * DAY);
    const busy = await client.busy({ start, end });
    expect(busy).toEqual([
      { start: Date.parse('2027-03-02T09:00:00Z'), end: Date.parse('2027-03-02T10:00:00Z') },
      { start: Date.parse('2027-04-20T13:00:00Z'), end: Date.parse('2027-04-20T14:30:00Z') },
      { start: Date.parse('2027-05-25T07:00:00Z'), end: Date.parse('2027-05-25T08:00:00Z') },
    ]);
    const calls = fake.graphCalls(/getSchedule/);
    expect(calls).toHaveLength(3);
    const windows = calls
      .map((c) => [c.json.startTime.dateTime as string, c.json.endTime.dateTime as string])
      .sort();
    expect(windows).toEqual([
      ['2027-03-01T00:00:00.000', '2027-05-02T00:00:00.000'],
      ['2027-05-02T00:00:00.000', '2027-07-03T00:00:00.000'],
      ['2027-07-03T00:00:00.000', '2027-07-09T00:00:00.000'],
    ]);
    for (const call of calls) {
      expect(call.headers.prefer).toBe('outlook.timezone="UTC"');
      expect(call.json.schedules).toEqual([ORGANIZER]);
      expect(call.headers.authorization).toMatch(/^Bearer /);
    }
  });
});

describe('Microsoft events', () => {
  it('creates the event with a Teams meeting, every attendee, the meeting zone and the transactionId', async () => {
    const event = await client.createEvent(input());
    expect(event.eventId).toBeTruthy();
    expect(event.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(event.isLive).toBe(true);
    expect(event.responses).toEqual({
      'ada@candidates.example': 'NEEDS_ACTION',
      'grace@contoso.example': 'NEEDS_ACTION',
    });
    const [post] = fake.graphCalls(/^POST \/v1\.0\/me\/events$/);
    expect(post!.json).toMatchObject({
      subject: 'Interview: Ada Lovelace',
      transactionId: '0b7e4a9c2f1d4e8a9b3c5d6e7f8a9b0c',
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      start: { dateTime: '2027-03-10T15:00:00', timeZone: 'Europe/Paris' },
      end: { dateTime: '2027-03-10T16:00:00', timeZone: 'Europe/Paris' },
      attendees: [
        {
          emailAddress: { address: 'ada@candidates.example', name: 'Ada Lovelace' },
          type: 'required',
        },
        {
          emailAddress: { address: 'grace@contoso.example', name: 'Grace Hopper' },
          type: 'required',
        },
      ],
    });
  });

  it('asks for no Teams meeting without video', async () => {
    const event = await client.createEvent(
      input({ key: 'novideo0000000000000000000000000', withVideo: false }),
    );
    expect(event.joinUrl).toBeNull();
    const [post] = fake.graphCalls(/^POST \/v1\.0\/me\/events$/);
    expect(post!.json.isOnlineMeeting).toBeUndefined();
  });

  it('returns the same event when a create is retried with the same key (no duplicate)', async () => {
    const key = 'retry000000000000000000000000001';
    const first = await client.createEvent(input({ key }));
    const again = await client.createEvent(input({ key }));
    expect(again.eventId).toBe(first.eventId);
    expect(fake.eventsOf(ORGANIZER).filter((e) => e.transactionId === key)).toHaveLength(1);
  });

  it('makes the event on a retry after a failed first attempt, once', async () => {
    const key = 'retry000000000000000000000000002';
    fake.failNext(503, { match: /^POST \/v1\.0\/me\/events$/ });
    await expect(client.createEvent(input({ key }))).rejects.toMatchObject({
      name: 'CalendarUnavailableError',
    });
    const made = await client.createEvent(input({ key }));
    expect((await client.createEvent(input({ key }))).eventId).toBe(made.eventId);
    expect(fake.eventsOf(ORGANIZER).filter((e) => e.transactionId === key)).toHaveLength(1);
  });

  it('does not make a second event when the answer to the first create was lost', async () => {
    const key = 'retry000000000000000000000000003';
    fake.loseNextAnswer(500, { match: /^POST \/v1\.0\/me\/events$/ });
    await expect(client.createEvent(input({ key }))).rejects.toMatchObject({
      name: 'CalendarUnavailableError',
    });
    expect(fake.eventsOf(ORGANIZER).filter((e) => e.transactionId === key)).toHaveLength(1);
    const retried = await client.createEvent(input({ key }));
    expect(fake.eventsOf(ORGANIZER).filter((e) => e.transactionId === key)).toEqual([
      expect.objectContaining({ id: retried.eventId }),
    ]);
  });

  it('patches a moved event and keeps the attendees’ answers', async () => {
    const created = await client.createEvent(input({ key: 'patch000000000000000000000000001' }));
    fake.setAttendeeResponse(created.eventId, 'ada@candidates.example', 'accepted');
    const moved = await client.updateEvent(
      created.eventId,
      input({
        key: 'patch000000000000000000000000001',
        start: new Date('2027-03-11T09:00:00Z'),
        end: new Date('2027-03-11T09:45:00Z'),
        title: 'Interview: Ada Lovelace (moved)',
      }),
    );
    expect(moved.eventId).toBe(created.eventId);
    expect(moved.joinUrl).toBe(created.joinUrl);
    expect(moved.responses['ada@candidates.example']).toBe('ACCEPTED');
    const [patch] = fake.graphCalls(/^PATCH \/v1\.0\/me\/events\//);
    expect(patch!.path).toBe(`/v1.0/me/events/${encodeURIComponent(created.eventId)}`);
    expect(patch!.json).toMatchObject({
      subject: 'Interview: Ada Lovelace (moved)',
      start: { dateTime: '2027-03-11T10:00:00', timeZone: 'Europe/Paris' },
      end: { dateTime: '2027-03-11T10:45:00', timeZone: 'Europe/Paris' },
    });
    expect(patch!.json.transactionId).toBeUndefined();
  });

  it('cancels the event, and a second cancel of the gone event is no error', async () => {
    const created = await client.createEvent(input({ key: 'cancel00000000000000000000000001' }));
    await client.cancelEvent(created.eventId, input());
    expect(fake.state.events.get(created.eventId)?.isCancelled).toBe(true);
    await expect(client.cancelEvent(created.eventId, input())).resolves.toBeUndefined();
    expect(await client.getEvent(created.eventId)).toBeNull();
    expect(fake.graphCalls(/\/cancel$/).map((c) => c.status)).toEqual([202, 404]);
  });

  it('reads the event: attendee responses, the join link, and a cancellation', async () => {
    const created = await client.createEvent(input({ key: 'read000000000000000000000000001' }));
    fake.setAttendeeResponse(created.eventId, 'ada@candidates.example', 'tentativelyAccepted');
    fake.setAttendeeResponse(created.eventId, 'grace@contoso.example', 'declined');
    expect(await client.getEvent(created.eventId)).toEqual({
      eventId: created.eventId,
      joinUrl: created.joinUrl,
      isLive: true,
      responses: { 'ada@candidates.example': 'TENTATIVE', 'grace@contoso.example': 'DECLINED' },
    });
    fake.markCancelled(created.eventId);
    expect((await client.getEvent(created.eventId))?.isLive).toBe(false);
    expect(await client.getEvent('AAMk-no-such-event')).toBeNull();
  });

  it('sees a Teams link that came late', async () => {
    fake.setLateJoinUrls(true);
    const created = await client.createEvent(input({ key: 'late000000000000000000000000001' }));
    expect(created.joinUrl).toBeNull();
    fake.releaseJoinUrls();
    expect((await client.getEvent(created.eventId))?.joinUrl).toMatch(
      /^https:\/\/teams\.microsoft\.com\//,
    );
  });

  it('refreshes nothing while the access token is valid', async () => {
    await client.busy({
      start: new Date('2027-03-01T00:00:00Z'),
      end: new Date('2027-03-02T00:00:00Z'),
    });
    expect(fake.tokenCalls('refresh_token')).toHaveLength(0);
    expect(stored).toEqual([]);
  });
});
