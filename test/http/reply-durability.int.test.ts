import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, meetingConfiguration, uniquePhone } from '../support/factories';
import { startFakeGoogle, type FakeGoogle } from '../support/fake-google';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio';
import { grantedCredentials, startGoogleApp } from '../support/google-app';
import { instantIn } from '../support/zoned-time';

/**
 * A reply that books commits first and books right after (DESIGN §7): when the app dies in
 * between, the booking must still happen once the app is back. The app dies for real (SIGKILL)
 * while the booking waits on the fresh calendar check that precedes every booking, which the
 * local Google server holds; the candidate texts through the local Twilio server.
 */
const ZONE = 'America/New_York';
const OLIVIA = 'olivia.organizer@example.com';
/** Short, so that the job that picks the booking up (15 s + twice this) runs soon. */
const CALENDAR_TIMEOUT_MS = 2_000;

let google: FakeGoogle;
let twilio: FakeTwilio;
let app: Awaited<ReturnType<typeof startGoogleApp>>;
let auth: { organizationId: string; apiKey: string };

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

beforeAll(async () => {
  google = await startFakeGoogle();
  twilio = await startFakeTwilio();
  app = await startGoogleApp(google, {
    PARLEY_CALENDAR_TIMEOUT_MS: String(CALENDAR_TIMEOUT_MS),
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_FROM_NUMBER: twilio.fromNumber,
    TWILIO_API_URL: twilio.url,
  });
  auth = await app.task<{ organizationId: string; apiKey: string }>('seed', {
    connections: [
      {
        email: OLIVIA,
        name: 'Olivia Organizer',
        credentials: await grantedCredentials(google, OLIVIA),
      },
    ],
  });
  await app.start();
}, 180_000);

afterAll(async () => {
  await app?.drop();
  await twilio?.close();
  await google?.close();
});

/** Two days ahead (UTC date), and an instant on it in New York. */
const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
const at = (time: string) => new Date(instantIn(day, time, ZONE)).toISOString();
const spoken = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  month: 'long',
  day: 'numeric',
}).format(new Date(`${day}T12:00:00Z`));

/** A conversation by SMS with Olivia's connected calendar, its opening sent, `start` offered. */
async function started(campaignId: string, start: string) {
  const phoneNumber = uniquePhone();
  const created = await request('POST', '/v1/scheduling/conversations', {
    campaignId,
    firstName: 'Casey',
    phoneNumber,
    meetingParticipants: [
      { name: 'Olivia Organizer', email: OLIVIA, isOrganizer: true, isCalendarConnected: true },
    ],
    meetingConfiguration: meetingConfiguration({ timezone: ZONE }),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  await eventually(() => twilio.sentTo(phoneNumber).length > 0, 30_000);
  const token = (created.body.bookingUrl as string).split('/book/')[1]!;
  const slots = await request('GET', `/v1/booking/${token}/slots?from=${day}&to=${day}`);
  expect(slots.status).toBe(200);
  expect(slots.body.slots.map((s: { start: string }) => s.start)).toContain(start);
  const confirmations = () =>
    twilio.sentTo(phoneNumber).filter((m) => m.body?.includes("You're booked:"));
  return { id: created.body.id as string, phoneNumber, confirmations };
}

describe('a booking by reply across a crash', () => {
  it('books the start the candidate named once the app is back, once, and confirms it once', async () => {
    const campaign = await request('POST', '/v1/campaigns', {
      campaignTitle: 'Backend Engineer',
      channel: 'SMS',
      company: 'Acme',
      position: 'Backend Engineer',
    });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);

    // A reply that books at once: its job, due later, must find nothing left to do.
    const first = await started(campaign.body.id, at('14:00'));
    const reply = await twilio.inbound(app.app().baseUrl, {
      from: first.phoneNumber,
      body: `${spoken} at 2pm works for me`,
    });
    expect(reply.status).toBe(200);
    await eventually(() => first.confirmations().length > 0, 30_000);

    // The next reply commits, then its booking waits on the fresh calendar check: the app dies.
    const second = await started(campaign.body.id, at('15:00'));
    // Only that check hangs: it asks about the chosen hour, the slot lists about weeks.
    const isCheck = (body: { timeMin?: string; timeMax?: string } | null) =>
      Date.parse(body?.timeMax ?? '') - Date.parse(body?.timeMin ?? '') < 86_400_000;
    const freeBusy = () =>
      google.requests.filter((r) => r.path === '/calendar/v3/freeBusy' && isCheck(r.body)).length;
    const asked = freeBusy();
    google.hang({ path: '/freeBusy', count: 1_000, when: isCheck });
    const answer = twilio
      .inbound(app.app().baseUrl, { from: second.phoneNumber, body: `${spoken} at 3pm works` })
      .catch(() => null);
    await eventually(() => freeBusy() > asked, 20_000);
    const stored = await request('GET', `/v1/conversations/${second.id}`);
    expect(stored.body.messages.map((m: { body: string }) => m.body)).toContain(
      `${spoken} at 3pm works`,
    );
    expect(stored.body.meeting).toBeNull();
    await app.crash();
    expect(await answer).toBeNull();
    google.clearFaults();

    await app.start();
    const booked = await eventually(async () => {
      const { body } = await request('GET', `/v1/conversations/${second.id}`);
      return body.meeting ? body : null;
    }, 120_000);
    expect(booked.meeting.startDateTime).toBe(at('15:00'));
    expect(booked.status).toBe('COMPLETED');
    await eventually(() => second.confirmations().length > 0, 30_000);
    await eventually(() => google.eventsOf(OLIVIA).length === 2, 30_000);
    // Both jobs have run by now (the first one's was due earlier): nothing twice.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(second.confirmations()).toHaveLength(1);
    expect(first.confirmations()).toHaveLength(1);
    expect(google.eventsOf(OLIVIA)).toHaveLength(2);
    const firstMeeting = (await request('GET', `/v1/conversations/${first.id}`)).body.meeting;
    expect(firstMeeting.startDateTime).toBe(at('14:00'));
  }, 300_000);
});
