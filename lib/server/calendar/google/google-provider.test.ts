import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGoogle, type FakeGoogle } from '@/test/support/fake-google';
import { CalendarAuthError, CalendarUnavailableError, type CalendarEventInput } from '../types';
import { createGoogleProvider } from './google-provider';
import type { GoogleSettings } from './oauth';

const REDIRECT = 'http://127.0.0.1:3999/connect/google/callback';
const ORGANIZER = 'olivia.organizer@example.com';
const DAY = 86_400_000;

let google: FakeGoogle;
let settings: GoogleSettings;
const provider = createGoogleProvider(() => settings);

beforeAll(async () => {
  google = await startFakeGoogle();
  settings = {
    clientId: google.env.GOOGLE_CLIENT_ID,
    clientSecret: google.env.GOOGLE_CLIENT_SECRET,
    oauthUrl: google.env.GOOGLE_OAUTH_URL,
    tokenUrl: google.env.GOOGLE_TOKEN_URL,
    apiUrl: google.env.GOOGLE_API_URL,
    timeoutMs: 1_000,
  };
});
afterAll(() => google.close());
afterEach(() => {
  google.clearFaults();
  google.setLatency(0);
  google.setAccessTokenLifetime(3599);
});

/** Consent as the person gives it, then the code exchanged: a stored grant. */
async function connect(email = ORGANIZER) {
  const url = await provider.authorizeUrl({ state: 'st', redirectUri: REDIRECT, loginHint: email });
  const callback = await google.consent(url);
  return provider.exchangeCode({ code: callback.get('code')!, redirectUri: REDIRECT });
}

/** A client on a fresh grant, and the credentials it handed back. */
async function clientOf(email = ORGANIZER) {
  const account = await connect(email);
  const saved: string[] = [];
  const client = provider.client(account.credentials, async (next) => {
    saved.push(next);
  });
  return { client, saved, account };
}

function meeting(overrides: Partial<CalendarEventInput> = {}): CalendarEventInput {
  return {
    key: `m${Math.random().toString(16).slice(2)}0123456789abcdef`.slice(0, 32),
    title: 'Interview with Casey Candidate',
    description: 'Backend Engineer at Acme',
    start: new Date('2031-03-10T14:00:00.000Z'),
    end: new Date('2031-03-10T14:30:00.000Z'),
    timezone: 'America/New_York',
    location: null,
    withVideo: true,
    attendees: [
      { email: 'casey@example.com', name: 'Casey Candidate' },
      { email: 'ivan.interviewer@example.com', name: 'Ivan Interviewer' },
    ],
    ...overrides,
  };
}

describe('Google consent', () => {
  it('sends the person to the consent page for offline access to events and free/busy', async () => {
    const url = new URL(
      await provider.authorizeUrl({
        state: 'state-123',
        redirectUri: REDIRECT,
        loginHint: ORGANIZER,
      }),
    );
    expect(url.origin + url.pathname).toBe(settings.oauthUrl);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: settings.clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      access_type: 'offline',
      prompt: 'consent',
      state: 'state-123',
      login_hint: ORGANIZER,
    });
    expect(url.searchParams.get('scope')!.split(' ').sort()).toEqual([
      'email',
      'https://www.googleapis.com/auth/calendar.events',
      'https://www.googleapis.com/auth/calendar.freebusy',
      'openid',
    ]);
  });

  it('exchanges the code for the account address and a refresh token', async () => {
    const account = await connect('Olivia.Organizer@Example.com');
    expect(account.email).toBe(ORGANIZER);
    const stored = JSON.parse(account.credentials);
    expect(stored.refreshToken).toMatch(/^1\/\//);
    expect(stored.accessToken).toMatch(/^ya29\./);
    expect(stored.expiresAt).toBeGreaterThan(Date.now());
    const exchange = google.requests.findLast((r) => r.path === '/token')!;
    expect(exchange.body).toMatchObject({
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT,
    });
  });

  it('refuses a code used twice, and a consent without calendar access', async () => {
    const url = await provider.authorizeUrl({ state: 's', redirectUri: REDIRECT });
    const code = (await google.consent(url)).get('code')!;
    await provider.exchangeCode({ code, redirectUri: REDIRECT });
    await expect(provider.exchangeCode({ code, redirectUri: REDIRECT })).rejects.toBeInstanceOf(
      CalendarAuthError,
    );
    google.setGrantedScope('openid https://www.googleapis.com/auth/userinfo.email');
    try {
      await expect(connect()).rejects.toThrow(/did not grant calendar access/);
    } finally {
      google.setGrantedScope();
    }
  });

  it('says so when the person denies consent', async () => {
    google.denyNextConsent();
    const url = await provider.authorizeUrl({ state: 'denied', redirectUri: REDIRECT });
    const callback = await google.consent(url);
    expect(callback.get('error')).toBe('access_denied');
    expect(callback.get('state')).toBe('denied');
    expect(callback.get('code')).toBeNull();
  });
});

describe('Google tokens', () => {
  it('refreshes an expired access token and hands the new tokens back once', async () => {
    google.setAccessTokenLifetime(0);
    const { client, saved, account } = await clientOf();
    google.setAccessTokenLifetime(3599);
    await client.busy({
      start: new Date('2031-03-01T00:00:00Z'),
      end: new Date('2031-03-02T00:00:00Z'),
    });
    expect(saved).toHaveLength(1);
    const before = JSON.parse(account.credentials);
    const after = JSON.parse(saved[0]!);
    expect(after.refreshToken).toBe(before.refreshToken);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.expiresAt).toBeGreaterThan(Date.now() + 3_000_000);
    // The next call reuses the new token: nothing more to store.
    await client.busy({
      start: new Date('2031-03-01T00:00:00Z'),
      end: new Date('2031-03-02T00:00:00Z'),
    });
    expect(saved).toHaveLength(1);
  });

  it('turns a revoked grant (invalid_grant) into CalendarAuthError', async () => {
    google.setAccessTokenLifetime(0);
    const { client } = await clientOf('revoked@example.com');
    google.revokeRefreshTokens('revoked@example.com');
    await expect(
      client.busy({
        start: new Date('2031-03-01T00:00:00Z'),
        end: new Date('2031-03-02T00:00:00Z'),
      }),
    ).rejects.toThrow(CalendarAuthError);
    await expect(client.createEvent(meeting())).rejects.toThrow(/invalid_grant/);
  });

  it('turns a 401 that a refresh does not cure into CalendarAuthError', async () => {
    const { client } = await clientOf();
    google.failNext(401, { path: '/calendar/', count: 2 });
    await expect(client.getEvent('doesnotexist123')).rejects.toBeInstanceOf(CalendarAuthError);
  });
});

describe('Google free/busy', () => {
  it('asks in chunks of at most 90 days and merges the answers in order', async () => {
    const { client } = await clientOf('busy.person@example.com');
    const start = new Date('2031-01-01T00:00:00.000Z');
    const end = new Date(start.getTime() + 200 * DAY);
    google.setBusy('busy.person@example.com', [
      { start: '2031-07-10T15:00:00Z', end: '2031-07-10T16:00:00Z' },
      { start: '2031-01-02T09:00:00Z', end: '2031-01-02T09:30:00Z' },
      // Across the first chunk's end: each chunk reports its part.
      {
        start: start.getTime() + 90 * DAY - 3_600_000,
        end: start.getTime() + 90 * DAY + 3_600_000,
      },
      { start: '2030-12-01T09:00:00Z', end: '2030-12-01T10:00:00Z' },
    ]);
    const from = google.requests.length;
    const busy = await client.busy({ start, end });
    const queries = google.requests.slice(from).filter((r) => r.path === '/calendar/v3/freeBusy');
    expect(queries).toHaveLength(3);
    for (const q of queries) {
      expect(Date.parse(q.body.timeMax) - Date.parse(q.body.timeMin)).toBeLessThanOrEqual(90 * DAY);
      expect(q.body.items).toEqual([{ id: 'primary' }]);
    }
    const spans = queries.map((q) => [Date.parse(q.body.timeMin), Date.parse(q.body.timeMax)]);
    expect(spans.sort((a, b) => a[0]! - b[0]!)).toEqual([
      [start.getTime(), start.getTime() + 90 * DAY],
      [start.getTime() + 90 * DAY, start.getTime() + 180 * DAY],
      [start.getTime() + 180 * DAY, end.getTime()],
    ]);
    expect(busy).toEqual([
      { start: Date.parse('2031-01-02T09:00:00Z'), end: Date.parse('2031-01-02T09:30:00Z') },
      { start: start.getTime() + 90 * DAY - 3_600_000, end: start.getTime() + 90 * DAY },
      { start: start.getTime() + 90 * DAY, end: start.getTime() + 90 * DAY + 3_600_000 },
      { start: Date.parse('2031-07-10T15:00:00Z'), end: Date.parse('2031-07-10T16:00:00Z') },
    ]);
  });

  it('treats a 500 and a timeout as unavailable, never as free', async () => {
    const { client } = await clientOf();
    const range = {
      start: new Date('2031-03-01T00:00:00Z'),
      end: new Date('2031-03-08T00:00:00Z'),
    };
    google.failNext(500, { path: '/freeBusy' });
    await expect(client.busy(range)).rejects.toBeInstanceOf(CalendarUnavailableError);
    google.failNext(503, { path: '/freeBusy' });
    await expect(client.busy(range)).rejects.toThrow(/HTTP 503/);
    google.hang({ path: '/freeBusy' });
    const started = Date.now();
    await expect(client.busy(range)).rejects.toBeInstanceOf(CalendarUnavailableError);
    expect(Date.now() - started).toBeLessThan(settings.timeoutMs + 500);
    google.setLatency(1_500);
    await expect(client.busy(range)).rejects.toThrow(/timed out/);
    google.setLatency(0);
    await expect(client.busy(range)).resolves.toEqual([]);
  });

  it('treats a network failure as unavailable', async () => {
    const { account } = await clientOf();
    const dead = createGoogleProvider(() => ({ ...settings, apiUrl: 'http://127.0.0.1:9' }));
    const client = dead.client(account.credentials, async () => {});
    await expect(
      client.busy({
        start: new Date('2031-03-01T00:00:00Z'),
        end: new Date('2031-03-02T00:00:00Z'),
      }),
    ).rejects.toBeInstanceOf(CalendarUnavailableError);
  });
});

describe('Google events', () => {
  it('creates the event under the meeting key with a Meet room and every attendee', async () => {
    const { client } = await clientOf();
    const input = meeting();
    const event = await client.createEvent(input);
    expect(event.eventId).toBe(input.key);
    expect(event.joinUrl).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect(event.isLive).toBe(true);
    expect(event.responses).toEqual({
      'casey@example.com': 'NEEDS_ACTION',
      'ivan.interviewer@example.com': 'NEEDS_ACTION',
    });
    const insert = google.requests.findLast(
      (r) => r.method === 'POST' && r.path.endsWith('/events'),
    )!;
    expect(insert.path).toBe('/calendar/v3/calendars/primary/events');
    expect(insert.query.get('conferenceDataVersion')).toBe('1');
    expect(insert.query.get('sendUpdates')).toBe('all');
    expect(insert.body).toMatchObject({
      id: input.key,
      summary: input.title,
      start: { dateTime: '2031-03-10T14:00:00.000Z', timeZone: 'America/New_York' },
      end: { dateTime: '2031-03-10T14:30:00.000Z', timeZone: 'America/New_York' },
      attendees: [
        { email: 'casey@example.com', displayName: 'Casey Candidate' },
        { email: 'ivan.interviewer@example.com', displayName: 'Ivan Interviewer' },
      ],
      conferenceData: {
        createRequest: { requestId: input.key, conferenceSolutionKey: { type: 'hangoutsMeet' } },
      },
    });
  });

  it('asks for no room without video, and reports a room that comes late', async () => {
    const { client } = await clientOf();
    const plain = await client.createEvent(meeting({ withVideo: false, location: 'Room 4' }));
    expect(plain.joinUrl).toBeNull();
    expect(google.requests.at(-1)!.body.conferenceData).toBeUndefined();
    google.holdConferences();
    try {
      const pending = await client.createEvent(meeting());
      expect(pending.joinUrl).toBeNull();
      google.completeConferences();
      const later = await client.getEvent(pending.eventId);
      expect(later!.joinUrl).toMatch(/^https:\/\/meet\.google\.com\//);
    } finally {
      google.holdConferences(false);
    }
  });

  it('makes no second event when a create is retried after its answer was lost', async () => {
    const { client } = await clientOf('retry.organizer@example.com');
    const input = meeting();
    google.failNext(500, { path: '/events', afterEffect: true });
    await expect(client.createEvent(input)).rejects.toBeInstanceOf(CalendarUnavailableError);
    google.hang({ path: '/events', afterEffect: true });
    await expect(client.createEvent(input)).rejects.toBeInstanceOf(CalendarUnavailableError);
    const retried = await client.createEvent(input);
    expect(retried.eventId).toBe(input.key);
    expect(retried.joinUrl).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(google.eventsOf('retry.organizer@example.com')).toHaveLength(1);
    // The retry after a change (a reschedule while the answer was lost) brings the event up to date.
    const moved = meeting({
      ...input,
      start: new Date('2031-03-11T15:00:00Z'),
      end: new Date('2031-03-11T15:30:00Z'),
    });
    await client.createEvent(moved);
    const [stored] = google.eventsOf('retry.organizer@example.com');
    expect(stored!.start.dateTime).toBe('2031-03-11T15:00:00.000Z');
    expect(google.eventsOf('retry.organizer@example.com')).toHaveLength(1);
  });

  it('patches a move and keeps the answers attendees gave', async () => {
    const { client } = await clientOf('patch.organizer@example.com');
    const input = meeting();
    const created = await client.createEvent(input);
    google.setAttendeeResponse(
      'patch.organizer@example.com',
      created.eventId,
      'casey@example.com',
      'accepted',
    );
    const moved = await client.updateEvent(created.eventId, {
      ...input,
      start: new Date('2031-03-12T16:00:00Z'),
      end: new Date('2031-03-12T16:30:00Z'),
    });
    expect(moved.joinUrl).toBe(created.joinUrl);
    expect(moved.responses['casey@example.com']).toBe('ACCEPTED');
    const patch = google.requests.findLast((r) => r.method === 'PATCH')!;
    expect(patch.path).toBe(`/calendar/v3/calendars/primary/events/${created.eventId}`);
    expect(patch.query.get('sendUpdates')).toBe('all');
    expect(patch.body.start).toEqual({
      dateTime: '2031-03-12T16:00:00.000Z',
      timeZone: 'America/New_York',
    });
    const [stored] = google.eventsOf('patch.organizer@example.com');
    expect(stored!.sequence).toBe(1);
  });

  it('cancels with updates to everyone; an event already gone is fine', async () => {
    const { client } = await clientOf('cancel.organizer@example.com');
    const input = meeting();
    const created = await client.createEvent(input);
    await client.cancelEvent(created.eventId, input);
    const del = google.requests.findLast((r) => r.method === 'DELETE')!;
    expect(del.query.get('sendUpdates')).toBe('all');
    expect((await client.getEvent(created.eventId))!.isLive).toBe(false);
    await expect(client.cancelEvent(created.eventId, input)).resolves.toBeUndefined(); // 410
    await expect(client.cancelEvent('neverexisted00', input)).resolves.toBeUndefined(); // 404
    expect(await client.getEvent('neverexisted00')).toBeNull();
  });

  it('reads attendee responses', async () => {
    const { client } = await clientOf('responses.organizer@example.com');
    const created = await client.createEvent(meeting());
    google.setAttendeeResponse(
      'responses.organizer@example.com',
      created.eventId,
      'casey@example.com',
      'tentative',
    );
    google.setAttendeeResponse(
      'responses.organizer@example.com',
      created.eventId,
      'ivan.interviewer@example.com',
      'declined',
    );
    const event = await client.getEvent(created.eventId);
    expect(event!.responses).toEqual({
      'casey@example.com': 'TENTATIVE',
      'ivan.interviewer@example.com': 'DECLINED',
    });
  });

  it('maps 500 and timeouts of event calls to CalendarUnavailableError', async () => {
    const { client } = await clientOf();
    google.failNext(500, { path: '/events' });
    await expect(client.createEvent(meeting())).rejects.toBeInstanceOf(CalendarUnavailableError);
    google.failNext(429, { path: '/events' });
    await expect(client.getEvent('abcdefabcdef')).rejects.toBeInstanceOf(CalendarUnavailableError);
    google.hang({ path: '/events' });
    await expect(client.updateEvent('abcdefabcdef', meeting())).rejects.toThrow(/timed out/);
  });
});
