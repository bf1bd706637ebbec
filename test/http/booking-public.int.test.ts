import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '@/lib/server/clock';
import { executeRows, getDb } from '@/lib/server/db/client';
import { call, type Client } from '../support/api';
import {
  dateInDays,
  interviewer,
  meetingConfiguration,
  newCampaign,
  newOrganization,
  schedulingBody,
  tokenOf,
  uniqueEmail,
} from '../support/factories';

const ZONE = 'America/New_York';

/** Everything a public booking endpoint answered, as text: no address may appear in it. */
const text = (body: unknown) => JSON.stringify(body);

describe('the public booking endpoints show the candidate what is theirs only', () => {
  let api: Client;
  let campaignId: string;

  beforeAll(async () => {
    api = await newOrganization();
    campaignId = await newCampaign(api, {
      channel: 'EMAIL',
      company: 'Acme Robotics',
      position: 'Backend Engineer',
      language: 'de',
    });
  });

  afterEach(() => setClock(null));

  async function link(overrides: Record<string, unknown> = {}) {
    const res = await api.post('/v1/scheduling/conversations', {
      ...schedulingBody(campaignId),
      ...overrides,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { conversation: res.body, token: tokenOf(res.body) };
  }

  it('names every interviewer of a panel, never their email addresses', async () => {
    const panel = [
      interviewer({ name: 'Jordan Lee', email: uniqueEmail('jordan'), isOrganizer: true }),
      interviewer({ name: 'Priya Shah', email: uniqueEmail('priya'), isOrganizer: false }),
      interviewer({ name: 'Sam Ortiz', email: uniqueEmail('sam'), isOrganizer: false }),
    ];
    const { token, conversation } = await link({ meetingParticipants: panel });
    const page = await call('GET', `/v1/booking/${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      organizerName: 'Jordan Lee',
      interviewers: [
        { name: 'Jordan Lee', isOrganizer: true },
        { name: 'Priya Shah', isOrganizer: false },
        { name: 'Sam Ortiz', isOrganizer: false },
      ],
      company: 'Acme Robotics',
      position: 'Backend Engineer',
      language: 'de',
      candidateTimezone: null,
      isDevelopmentVideoRoom: true,
    });
    expect(text(page.body)).not.toMatch(/@/);

    const slots = await call('GET', `/v1/booking/${token}/slots`);
    const start = slots.body.slots[0].start as string;
    const booked = await call('POST', `/v1/booking/${token}`, {
      body: { start, timezone: 'Asia/Kolkata' },
    });
    expect(booked.status).toBe(201);
    expect(booked.body.meeting.interviewers.map((p: { name: string }) => p.name)).toEqual([
      'Jordan Lee',
      'Priya Shah',
      'Sam Ortiz',
    ]);
    const later = slots.body.slots.at(-1).start as string;
    const moved = await call('POST', `/v1/booking/${token}/reschedule`, {
      body: { start: later, timezone: 'Europe/Lisbon' },
    });
    expect(moved.status).toBe(200);
    const cancelled = await call('POST', `/v1/booking/${token}/cancel`, {
      body: { reason: 'I took another offer' },
    });
    expect(cancelled.status).toBe(200);
    for (const body of [booked.body, moved.body, cancelled.body]) {
      expect(text(body)).not.toMatch(/@/);
      expect(text(body)).not.toContain('I took another offer');
    }
    // The recruiter sees the addresses and the reason.
    const meeting = await api.get(`/v1/meetings/${cancelled.body.meeting.id}`);
    expect(meeting.body.cancellationReason).toBe('I took another offer');
    expect(text(meeting.body)).toContain(conversation.emailAddress);
    // The page in HTML says no more than the JSON.
    const html = await call('GET', `/book/${token}`);
    expect(html.status).toBe(200);
    expect(String(html.body)).toContain('Jordan Lee');
    for (const p of panel) expect(String(html.body)).not.toContain(p.email);
    expect(String(html.body)).not.toContain(conversation.emailAddress);
    expect(String(html.body)).not.toContain('I took another offer');
  });

  it('remembers the zone the candidate booked and moved in', async () => {
    const { token } = await link();
    const { body: slots } = await call('GET', `/v1/booking/${token}/slots`);
    await call('POST', `/v1/booking/${token}`, {
      body: { start: slots.slots[0].start, timezone: 'Asia/Tokyo' },
    });
    expect((await call('GET', `/v1/booking/${token}`)).body.candidateTimezone).toBe('Asia/Tokyo');
    await call('POST', `/v1/booking/${token}/reschedule`, {
      body: { start: slots.slots[1].start, timezone: 'America/Los_Angeles' },
    });
    expect((await call('GET', `/v1/booking/${token}`)).body.candidateTimezone).toBe(
      'America/Los_Angeles',
    );
  });

  it('says canBook: false while availability is awaited or nothing is offered', async () => {
    const awaiting = await link({
      meetingParticipants: [
        {
          name: 'Hiring Manager',
          email: uniqueEmail('hm'),
          isOrganizer: true,
          autoCollectAvailability: true,
        },
      ],
    });
    expect(awaiting.conversation.schedulingStatus).toBe('AWAITING_AVAILABILITY');
    expect((await call('GET', `/v1/booking/${awaiting.token}`)).body).toMatchObject({
      schedulingStatus: 'AWAITING_AVAILABILITY',
      canBook: false,
    });

    // Free only on a Sunday, but the open hours are weekdays: nothing can be offered.
    const sunday = [...Array(14).keys()]
      .map((d) => dateInDays(d + 2))
      .find((date) => new Date(`${date}T12:00:00Z`).getUTCDay() === 0)!;
    const none = await link({
      meetingParticipants: [
        interviewer({
          availability: {
            timezone: ZONE,
            timeSlots: [{ date: sunday, startTime: '09:00', endTime: '12:00' }],
          },
        }),
      ],
      meetingConfiguration: meetingConfiguration({
        openHours: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
      }),
    });
    expect((await call('GET', `/v1/booking/${none.token}`)).body).toMatchObject({
      schedulingStatus: 'NO_AVAILABILITY',
      canBook: false,
    });
    expect((await call('GET', `/v1/booking/${none.token}/slots`)).body.slots).toEqual([]);

    const closed = await link();
    await api.post(`/v1/conversations/${closed.conversation.id}/close`);
    expect((await call('GET', `/v1/booking/${closed.token}`)).body).toMatchObject({
      status: 'CLOSED',
      canBook: false,
    });
  });

  it('answers zones under their current IANA names', async () => {
    const { token } = await link();
    for (const asked of ['Asia/Calcutta', 'asia/kolkata', 'Asia/Kolkata']) {
      const res = await call('GET', `/v1/booking/${token}/slots?timezone=${asked}`);
      expect(res.status).toBe(200);
      expect(res.body.timezone).toBe('Asia/Kolkata');
    }
    const kyiv = await call('GET', `/v1/booking/${token}/slots?timezone=Europe/Kiev`);
    expect(kyiv.body.timezone).toBe('Europe/Kyiv');
  });

  it('runs on the clock tests set: a fixed instant decides today and the horizon', async () => {
    // Thursday 2031-03-06 15:00 UTC (10:00 in New York); the horizon is 7 days.
    setClock(Date.UTC(2031, 2, 6, 15, 0));
    const { token } = await link({
      meetingParticipants: [
        interviewer({
          availability: {
            timezone: ZONE,
            timeSlots: ['2031-03-06', '2031-03-07', '2031-03-13', '2031-03-14'].map((date) => ({
              date,
              startTime: '09:00',
              endTime: '11:00',
            })),
          },
        }),
      ],
      meetingConfiguration: meetingConfiguration({ bookingHorizonDays: 7 }),
    });
    const res = await call('GET', `/v1/booking/${token}/slots`);
    expect(res.body.from).toBe('2031-03-06');
    expect(res.body.to).toBe('2031-03-13');
    // 10:00 and 10:30 on the 6th (09:xx is past), four on the 7th and on the 13th (the horizon
    // ends at 11:00 New York time on the 13th); the 14th is beyond it.
    expect(res.body.slots.map((s: { start: string }) => s.start)).toEqual([
      '2031-03-06T15:00:00.000Z',
      '2031-03-06T15:30:00.000Z',
      '2031-03-07T14:00:00.000Z',
      '2031-03-07T14:30:00.000Z',
      '2031-03-07T15:00:00.000Z',
      '2031-03-07T15:30:00.000Z',
      // New York is on daylight time from the 9th: 09:00 is 13:00 UTC.
      '2031-03-13T13:00:00.000Z',
      '2031-03-13T13:30:00.000Z',
      '2031-03-13T14:00:00.000Z',
      '2031-03-13T14:30:00.000Z',
    ]);
    expect((await call('GET', `/v1/booking/${token}`)).body.bookingHorizonEnd).toBe(
      '2031-03-13T15:00:00.000Z',
    );
  });

  it('writes its jobs with the organization they belong to', async () => {
    const { conversation } = await link();
    const jobs = await executeRows<{ data: { organizationId: string; conversationId: string } }>(
      getDb(),
      sql`select data from pgboss.job
          where name = 'conversations.start' and data->>'conversationId' = ${conversation.id}`,
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.data.organizationId).toBe(api.auth.organizationId);
  });

  it("lists in its HTML the slots API's open times, without one booked through another link", async () => {
    const email = uniqueEmail('shared');
    const day = dateInDays(3);
    const shared = () =>
      interviewer({
        email,
        availability: {
          timezone: ZONE,
          timeSlots: [{ date: day, startTime: '09:00', endTime: '10:30' }],
        },
      });
    const first = await link({ meetingParticipants: [shared()] });
    const second = await link({ meetingParticipants: [shared()] });
    const { body: before } = await call('GET', `/v1/booking/${second.token}/slots`);
    expect(before.slots).toHaveLength(3);
    const taken = before.slots[1].start as string;
    expect(
      (await call('POST', `/v1/booking/${first.token}`, { body: { start: taken } })).status,
    ).toBe(201);

    const { body: after } = await call('GET', `/v1/booking/${second.token}/slots`);
    const offered = after.slots.map((s: { start: string }) => s.start);
    expect(offered).toEqual([before.slots[0].start, before.slots[2].start]);
    // The page's first weeks, as the runs of starts its HTML carries for the picker.
    const html = String((await call('GET', `/book/${second.token}`)).body).replaceAll('\\"', '"');
    const runs = JSON.parse(/"runs":(\[[^\]]*\](?:,\[[^\]]*\])*\])/.exec(html)![1]!) as [
      number,
      number,
      number,
    ][];
    const starts = runs.flatMap(([start, step, count]) =>
      Array.from({ length: count }, (_, i) => new Date(start + i * step).toISOString()),
    );
    expect(starts).toEqual(offered);
  });
});

describe('the booking page document', () => {
  it('is a 404 for an unknown link, with the security headers of every page', async () => {
    const res = await call('GET', '/book/this-link-does-not-exist-1234567890');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(String(res.body)).toContain('Booking link not found');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('adds Strict-Transport-Security when the page was requested over https', async () => {
    const res = await call('GET', '/book/this-link-does-not-exist-1234567890', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  it('serves an icon, so browsers find no missing favicon', async () => {
    const res = await call('GET', '/icon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
  });
});
