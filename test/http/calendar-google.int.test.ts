import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/factories';
import { startFakeGoogle, type FakeGoogle } from '../support/fake-google';
import { grantedCredentials, startGoogleApp } from '../support/google-app';
import { startConnect, visit as visitApp } from '../support/connect';
import { startReceiver } from '../support/receiver';
import { DAY_MS, aroundNextClockChange, hourIn, instantIn, utcDateOf } from '../support/zoned-time';

/**
 * Google calendars end to end: the built app (its own process, GOOGLE_* aimed at the local Google
 * server) with connections stored as the connect flow stores them, the real SDK inside it, and
 * the candidate's and the integrator's HTTP calls.
 */
const ZONE = 'America/New_York';
const OLIVIA = 'olivia.organizer@example.com';
const IAN = 'ian.interviewer@example.com';
const DANA = 'dana.down@example.com';
const SAM = 'sam.sync@example.com';
const LENA = 'lena.late@example.com';
const RITA = 'rita.revoked@example.com';
const ADA = 'ada.pool@example.com';
const BEN = 'ben.pool@example.com';
const CANDIDATE = 'casey.candidate@example.com';
const DAY = DAY_MS;

const iso = (ms: number) => new Date(ms).toISOString();
const nyHour = (ms: number) => hourIn(ms, ZONE);
const dateOf = utcDateOf;

let google: FakeGoogle;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let app: Awaited<ReturnType<typeof startGoogleApp>>;
let auth: { organizationId: string; apiKey: string };
let campaignId: string;

async function request(method: string, path: string, body?: unknown) {
  const res = await fetch(`${app.app().baseUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'x-api-key': auth.apiKey,
      'x-organization-id': auth.organizationId,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const participant = (name: string, email: string, isOrganizer: boolean) => ({
  name,
  email,
  isOrganizer,
  isCalendarConnected: true,
});

async function conversationWith(participants: ReturnType<typeof participant>[]) {
  const res = await request('POST', '/v1/scheduling/conversations', {
    campaignId,
    firstName: 'Casey',
    lastName: 'Candidate',
    emailAddress: CANDIDATE,
    meetingParticipants: participants,
    meetingConfiguration: {
      title: 'Interview with {{candidateName}}',
      duration: 60,
      slotInterval: 60,
      timezone: ZONE,
      videoConferencing: true,
      videoConferencingProvider: 'Google Meet',
      bookingHorizonDays: 365,
      openHours: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id as string, token: (res.body.bookingUrl as string).split('/book/')[1]! };
}

const webhooks = (event: string, conversationId?: string) =>
  receiver.received.filter(
    (r) =>
      r.json?.event === event && (!conversationId || r.json.data.conversationId === conversationId),
  );

const slotStarts = async (token: string, from: string, to = from) => {
  const res = await request('GET', `/v1/booking/${token}/slots?from=${from}&to=${to}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.slots as { start: string }[]).map((s) => s.start);
};

const week = aroundNextClockChange();
/** A Monday one to two weeks ahead: inside the window in which upcoming meetings are polled. */
const soonMonday = (() => {
  const inAWeek = Date.now() + 7 * DAY;
  return dateOf(inAWeek + ((8 - new Date(inAWeek).getUTCDay()) % 7) * DAY);
})();

beforeAll(async () => {
  google = await startFakeGoogle();
  receiver = await startReceiver();
  // The connect flow's half that talks to Google: consent, then the code exchanged.
  const connections = [];
  for (const [email, name] of [
    [OLIVIA, 'Olivia Organizer'],
    [IAN, 'Ian Interviewer'],
    [DANA, 'Dana Down'],
    [SAM, 'Sam Sync'],
    [LENA, 'Lena Late'],
    [RITA, 'Rita Revoked'],
    [ADA, 'Ada Pool'],
    [BEN, 'Ben Pool'],
  ] as const) {
    connections.push({ email, name, credentials: await grantedCredentials(google, email) });
  }
  app = await startGoogleApp(google, { PARLEY_CALENDAR_TIMEOUT_MS: '1500' });
  auth = await app.task<{ organizationId: string; apiKey: string }>('seed', { connections });
  await app.start();
  const hook = await request('POST', '/v1/webhooks', { url: receiver.url });
  expect(hook.status, JSON.stringify(hook.body)).toBe(201);
  const campaign = await request('POST', '/v1/campaigns', {
    campaignTitle: 'Backend Engineer',
    channel: 'EMAIL',
    company: 'Acme',
    position: 'Backend Engineer',
  });
  expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
  campaignId = campaign.body.id;
}, 180_000);

afterAll(async () => {
  await app?.drop();
  await receiver?.close();
  await google?.close();
});

describe('Google calendars over HTTP', () => {
  it('offers what both calendars leave free across a clock change, then books, moves and cancels the Google event', async () => {
    // Olivia's calendar is busy 15:00–16:00 Berlin time on both days; Berlin and New York change
    // their clocks on different dates, so that hour lands on a different New York hour each day.
    const oliviaBusy = [week.friday, week.monday].map((d) => ({
      start: instantIn(d, '15:00', 'Europe/Berlin'),
      end: instantIn(d, '16:00', 'Europe/Berlin'),
    }));
    // Ian's is busy 01:00–02:00 Tokyo time on Tuesday: Monday afternoon in New York.
    const ianBusy = [
      {
        start: instantIn(week.tuesday, '01:00', 'Asia/Tokyo'),
        end: instantIn(week.tuesday, '02:00', 'Asia/Tokyo'),
      },
    ];
    google.setBusy(OLIVIA, oliviaBusy);
    google.setBusy(IAN, ianBusy);
    const blockedFriday = [nyHour(oliviaBusy[0]!.start)];
    const blockedMonday = [nyHour(oliviaBusy[1]!.start), nyHour(ianBusy[0]!.start)];
    expect(blockedFriday[0]).not.toBe(blockedMonday[0]);

    const { id, token } = await conversationWith([
      participant('Olivia Organizer', OLIVIA, true),
      participant('Ian Interviewer', IAN, false),
    ]);
    const hours = [9, 10, 11, 12, 13, 14, 15, 16];
    const expected = (date: string, blocked: number[]) =>
      hours
        .filter((h) => !blocked.includes(h))
        .map((h) => iso(instantIn(date, `${String(h).padStart(2, '0')}:00`, ZONE)));
    const offered = await slotStarts(token, week.friday, week.monday);
    expect(offered).toEqual([
      ...expected(week.friday, blockedFriday),
      ...expected(week.monday, blockedMonday),
    ]);

    const [first, second] = expected(week.monday, blockedMonday);
    const before = google.requests.length;
    const booked = await request('POST', `/v1/booking/${token}`, { start: first });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const meetingId = booked.body.meeting.id as string;
    // The fresh check before booking asked both calendars about that hour, not the cache.
    const fresh = google.requests
      .slice(before)
      .filter(
        (r) =>
          r.path === '/calendar/v3/freeBusy' &&
          Date.parse(r.body.timeMin) <= Date.parse(first!) &&
          Date.parse(r.body.timeMax) - Date.parse(r.body.timeMin) <= DAY,
      );
    expect(fresh.length).toBeGreaterThanOrEqual(2);

    const [scheduled] = await eventually(() => {
      const found = webhooks('CALENDAR_MEETING_SCHEDULED', id);
      return found.length > 0 ? found : null;
    }, 20_000);
    const key = meetingId.replace(/-/g, '');
    const event = google.eventsOf(OLIVIA).find((e) => e.id === key)!;
    expect(event).toBeDefined();
    expect(event.start.dateTime).toBe(first);
    expect(event.conferenceData.createRequest).toMatchObject({
      requestId: key,
      conferenceSolutionKey: { type: 'hangoutsMeet' },
    });
    expect(event.attendees!.map((a) => a.email).sort()).toEqual([CANDIDATE, IAN]);
    const insert = google.requests.find((r) => r.method === 'POST' && r.body?.id === key)!;
    expect(insert.query.get('sendUpdates')).toBe('all');
    expect(insert.query.get('conferenceDataVersion')).toBe('1');
    expect(scheduled!.json.data.meetingDetails).toMatchObject({
      meetingUrl: event.hangoutLink,
      videoConferencingProvider: 'Google Meet',
      startDateTime: first,
    });
    expect(event.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\//);

    const moved = await request('POST', `/v1/booking/${token}/reschedule`, { start: second });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await eventually(
      () => google.eventsOf(OLIVIA).find((e) => e.id === key)?.start.dateTime === second,
    );
    const patch = google.requests.findLast((r) => r.method === 'PATCH')!;
    expect(patch.path).toBe(`/calendar/v3/calendars/primary/events/${key}`);
    expect(patch.query.get('sendUpdates')).toBe('all');
    const [rescheduled] = await eventually(() => {
      const found = webhooks('CALENDAR_MEETING_RESCHEDULED', id);
      return found.length > 0 ? found : null;
    });
    expect(rescheduled!.json.data.meetingDetails).toMatchObject({
      startDateTime: second,
      meetingUrl: event.hangoutLink,
    });

    const cancelled = await request('POST', `/v1/booking/${token}/cancel`, { reason: 'Sick' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    await eventually(
      () => google.eventsOf(OLIVIA).find((e) => e.id === key)?.status === 'cancelled',
    );
    const del = google.requests.findLast((r) => r.method === 'DELETE')!;
    expect(del.path).toBe(`/calendar/v3/calendars/primary/events/${key}`);
    expect(del.query.get('sendUpdates')).toBe('all');
    expect(google.eventsOf(OLIVIA)).toHaveLength(1);
  }, 60_000);

  it('moves a round-robin meeting’s event to the calendar of the interviewer it is handed to', async () => {
    const created = await request('POST', '/v1/scheduling/conversations', {
      campaignId,
      firstName: 'Casey',
      lastName: 'Candidate',
      emailAddress: CANDIDATE,
      availabilityMethod: 'ROUND_ROBIN',
      meetingParticipants: [
        participant('Ada Pool', ADA, false),
        participant('Ben Pool', BEN, false),
      ],
      meetingConfiguration: {
        title: 'Interview with {{candidateName}}',
        duration: 60,
        slotInterval: 60,
        timezone: ZONE,
        videoConferencing: true,
        videoConferencingProvider: 'Google Meet',
        bookingHorizonDays: 365,
        openHours: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const token = (created.body.bookingUrl as string).split('/book/')[1]!;
    const first = iso(instantIn(soonMonday, '10:00', ZONE));
    const second = iso(instantIn(soonMonday, '14:00', ZONE));
    const booked = await request('POST', `/v1/booking/${token}`, { start: first });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const key = (booked.body.meeting.id as string).replace(/-/g, '');
    const live = (email: string) =>
      google.eventsOf(email).find((e) => e.id === key && e.status !== 'cancelled');
    const host = await eventually(() => [ADA, BEN].find((email) => live(email)) ?? null, 20_000);
    const other = host === ADA ? BEN : ADA;
    expect(live(host)!.attendees!.map((a) => a.email)).toEqual([CANDIDATE]);
    expect(live(other)).toBeUndefined();

    // The host is busy at the new time, the other interviewer is not: the meeting changes hands.
    google.setBusy(host, [{ start: Date.parse(second), end: Date.parse(second) + 3_600_000 }]);
    const moved = await request('POST', `/v1/booking/${token}/reschedule`, { start: second });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    // The new host's event is made first, then the old one cancelled (never no event at all).
    await eventually(() => live(other)?.start.dateTime === second && !live(host), 20_000);
    expect(google.eventsOf(host).find((e) => e.id === key)!.status).toBe('cancelled');
    const event = live(other)!;
    expect(event.attendees!.map((a) => a.email)).toEqual([CANDIDATE]);
    expect(event.conferenceData.createRequest).toMatchObject({
      conferenceSolutionKey: { type: 'hangoutsMeet' },
    });
    expect(google.eventsOf(other).filter((e) => e.id === key)).toHaveLength(1);
  }, 60_000);

  it('offers nothing from a calendar that fails or times out with no cached answer, and refuses the booking with a clear 409', async () => {
    google.failNext(500, { path: '/freeBusy', count: 1_000 });
    const { token } = await conversationWith([participant('Dana Down', DANA, true)]);
    expect(await slotStarts(token, week.monday)).toEqual([]);
    const start = iso(instantIn(week.monday, '11:00', ZONE));
    const refused = await request('POST', `/v1/booking/${token}`, { start });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('slot_unavailable');
    expect(refused.body.error.message).toMatch(/calendar could not be checked/);

    google.clearFaults();
    google.hang({ path: '/freeBusy', count: 1_000 });
    const started = Date.now();
    expect(await slotStarts(token, week.monday)).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    const timedOut = await request('POST', `/v1/booking/${token}`, { start });
    expect(timedOut.status).toBe(409);
    expect(timedOut.body.error.code).toBe('slot_unavailable');

    google.clearFaults();
    expect(await slotStarts(token, week.monday)).toContain(start);
  }, 60_000);

  it('retries a sync whose answer was lost without making a second event', async () => {
    const { id, token } = await conversationWith([participant('Sam Sync', SAM, true)]);
    const start = iso(instantIn(week.monday, '14:00', ZONE));
    google.failNext(500, { path: '/calendar/v3/calendars/primary/events', afterEffect: true });
    const booked = await request('POST', `/v1/booking/${token}`, { start });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const key = (booked.body.meeting.id as string).replace(/-/g, '');
    const [scheduled] = await eventually(() => {
      const found = webhooks('CALENDAR_MEETING_SCHEDULED', id);
      return found.length > 0 ? found : null;
    }, 50_000);
    const inserts = google.requests.filter((r) => r.method === 'POST' && r.body?.id === key);
    expect(inserts).toHaveLength(2);
    expect(google.eventsOf(SAM)).toHaveLength(1);
    expect(scheduled!.json.data.meetingDetails.meetingUrl).toBe(
      google.eventsOf(SAM)[0]!.hangoutLink,
    );
  }, 70_000);

  it('announces a Meet link that came after the booking with CALENDAR_MEETING_UPDATED', async () => {
    google.holdConferences();
    const { id, token } = await conversationWith([participant('Lena Late', LENA, true)]);
    const start = iso(instantIn(soonMonday, '15:00', ZONE));
    const booked = await request('POST', `/v1/booking/${token}`, { start });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const [scheduled] = await eventually(() => {
      const found = webhooks('CALENDAR_MEETING_SCHEDULED', id);
      return found.length > 0 ? found : null;
    }, 20_000);
    expect(scheduled!.json.data.meetingDetails.meetingUrl ?? null).toBeNull();
    google.holdConferences(false);
    google.completeConferences();
    const link = google.eventsOf(LENA)[0]!.hangoutLink as string;
    expect(link).toMatch(/^https:\/\/meet\.google\.com\//);

    // The scheduled meetings.poll job, run once now instead of at the next five-minute mark.
    await app.stop();
    // (The app's own five-minute poll may have seen the link first; either reports it once.)
    await app.task('poll');
    await app.start();
    const [updated] = await eventually(() => {
      const found = webhooks('CALENDAR_MEETING_UPDATED', id);
      return found.length > 0 ? found : null;
    }, 20_000);
    expect(updated!.json.data.changes).toEqual([{ field: 'meetingUrl', meetingUrl: link }]);
    expect(updated!.json.data.meetingDetails.meetingUrl).toBe(link);
  }, 90_000);

  it('connects a calendar from an invite through the routes: consent, callback, CONNECTED; a replay and a refusal store nothing', async () => {
    const base = app.app().baseUrl;
    const visit = (path: string, cookie?: string) =>
      visitApp(path, cookie ? { headers: { cookie } } : {}, base);
    const invite = async (email: string, name: string) => {
      const invited = await request('POST', '/v1/user-calendars/invite', { name, email });
      expect(invited.status, JSON.stringify(invited.body)).toBe(201);
      const token = (invited.body.connectUrl as string).split('/connect/invite/')[1]!;
      const landing = await visit(`/connect/invite/${token}`);
      expect(landing.status).toBe(200);
      expect(landing.text).toContain(`/connect/google?invite=${token}`);
      const started = await startConnect('google', token, base);
      expect(started.status).toBe(302);
      expect(started.cookie).toMatch(/parley_connect=/);
      return { id: invited.body.id as string, ...started };
    };

    const GINA = 'gina.connect@example.com';
    const { id, consentUrl, cookie } = await invite(GINA, 'Gina Connect');
    const consent = new URL(consentUrl);
    expect(`${consent.origin}${consent.pathname}`).toBe(google.env.GOOGLE_OAUTH_URL);
    expect(consent.searchParams.get('login_hint')).toBe(GINA);
    expect(consent.searchParams.get('access_type')).toBe('offline');
    expect(consent.searchParams.get('scope')).toMatch(/calendar/);
    expect(consent.searchParams.get('redirect_uri')).toBe(`${base}/connect/google/callback`);
    const back = await google.consent(consentUrl);
    expect(back.get('code')).toBeTruthy();
    const done = await visit(`/connect/google/callback?${back}`, cookie);
    expect(done.status).toBe(303);
    expect(done.location).toMatch(/\/connect\/done\?provider=google$/);
    const shown = await request('GET', `/v1/user-calendars/${id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.connection).toMatchObject({
      provider: 'GOOGLE',
      status: 'CONNECTED',
      accountEmail: GINA,
      failure: null,
    });
    // The same redirect again is refused, and the connection stays the one stored.
    const replay = await visit(`/connect/google/callback?${back}`, cookie);
    expect(replay.location).toMatch(/\/connect\/failed\?reason=used$/);
    // Without the browser's cookie the state is not this browser's: nothing is stored.
    const other = await invite('gus.nocookie@example.com', 'Gus Nocookie');
    const stolen = await google.consent(other.consentUrl);
    const refusedState = await visit(`/connect/google/callback?${stolen}`);
    expect(refusedState.location).toMatch(/\/connect\/failed\?reason=invalid$/);
    expect((await request('GET', `/v1/user-calendars/${other.id}`)).body.connection).toBeNull();

    // A declined consent: a clear page, and nothing stored.
    const declined = await invite('hal.declines@example.com', 'Hal Declines');
    google.denyNextConsent();
    const refused = await google.consent(declined.consentUrl);
    expect(refused.get('error')).toBe('access_denied');
    const deniedPage = await visit(`/connect/google/callback?${refused}`, declined.cookie);
    expect(deniedPage.location).toMatch(/\/connect\/failed\?reason=denied$/);
    const page = await visit(new URL(deniedPage.location!, base).pathname + '?reason=denied');
    expect(page.status).toBe(200);
    expect(page.text).toContain('You did not allow access');
    expect((await request('GET', `/v1/user-calendars/${declined.id}`)).body.connection).toBeNull();

    // Gina's connected calendar is what her slots come from now.
    google.setBusy(GINA, [{ start: `${week.monday}T00:00:00Z`, end: `${week.tuesday}T00:00:00Z` }]);
    const { token } = await conversationWith([participant('Gina Connect', GINA, true)]);
    expect(await slotStarts(token, week.monday)).toEqual([]);
    expect((await slotStarts(token, week.tuesday)).length).toBeGreaterThan(0);
  }, 60_000);

  it('flags a revoked grant NEEDS_RECONNECT and reports it exactly once', async () => {
    google.revokeRefreshTokens(RITA);
    const { token } = await conversationWith([participant('Rita Revoked', RITA, true)]);
    for (let i = 0; i < 3; i++) expect(await slotStarts(token, week.monday)).toEqual([]);
    await eventually(() => webhooks('CALENDAR_CONNECTION_FAILED').length > 0, 20_000);
    for (let i = 0; i < 2; i++) expect(await slotStarts(token, week.monday)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const failed = webhooks('CALENDAR_CONNECTION_FAILED');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.json.data).toMatchObject({ email: RITA, provider: 'GOOGLE' });

    await app.stop();
    const state = await app.task<{
      connections: { email: string; status: string }[];
      events: { type: string }[];
    }>('inspect', { organizationId: auth.organizationId });
    expect(state.connections.find((c) => c.email === RITA)!.status).toBe('NEEDS_RECONNECT');
    expect(state.connections.filter((c) => c.status === 'NEEDS_RECONNECT')).toHaveLength(1);
    expect(state.events.filter((e) => e.type === 'CALENDAR_CONNECTION_FAILED')).toHaveLength(1);
  }, 60_000);
});
