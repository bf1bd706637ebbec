import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { messages } from '@/lib/server/db/schema/conversations';
import { eventOutbox } from '@/lib/server/db/schema/outbox';
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
  uniqueEmail,
} from '../support/factories';

const DAY = dateInDays(5);
const ZONE = 'America/New_York';

/** Instant of a wall time on DAY in New York, e.g. at('10:00'). */
function at(time: string, date = DAY): string {
  const probe = new Date(`${date}T${time}:00Z`);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' })
    .formatToParts(probe)
    .find((p) => p.type === 'timeZoneName')!
    .value.replace('GMT', '');
  return new Date(`${date}T${time}:00${offset || 'Z'}`).toISOString();
}

async function events(conversationId: string, type?: string) {
  const rows = await getDb()
    .select()
    .from(eventOutbox)
    .where(eq(eventOutbox.conversationId, conversationId));
  return rows
    .filter((r) => !type || r.eventType === type)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

describe('booking', () => {
  let api: Client;
  let campaignId: string;
  let ivy: ReturnType<typeof interviewer>;

  /** A conversation with `person` free 09:00–12:00 New York time on DAY. */
  async function conversationWith(person = ivy, config: Record<string, unknown> = {}) {
    const res = await api.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, {
        meetingParticipants: [person],
        meetingConfiguration: meetingConfiguration({ timezone: ZONE, ...config }),
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { conversation: res.body, token: tokenOf(res.body) };
  }

  const freeMorning = (email = uniqueEmail('ivy')) =>
    interviewer({
      email,
      availability: {
        timezone: ZONE,
        timeSlots: [{ date: DAY, startTime: '09:00', endTime: '12:00' }],
      },
    });

  beforeAll(async () => {
    api = await newOrganization();
    campaignId = await newCampaign(api, { channel: 'EMAIL' });
    ivy = freeMorning();
  });

  it('shows the booking page data for a link, 404 for an unknown one', async () => {
    const { token } = await conversationWith(freeMorning());
    const res = await call('GET', `/v1/booking/${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      firstName: 'Casey',
      title: 'Interview with Casey Candidate for Backend Engineer',
      duration: 30,
      timezone: ZONE,
      videoConferencingProvider: 'Google Meet',
      organizerName: 'Ivy Interviewer',
      schedulingStatus: 'LINK_SENT',
      canBook: true,
      meeting: null,
    });
    expect((await call('GET', '/v1/booking/not-a-real-token-at-all')).status).toBe(404);
    expect((await call('GET', '/v1/booking/x')).status).toBe(404);
  });

  it('lists the offered slots of a day, in the meeting zone or another', async () => {
    const { token } = await conversationWith(freeMorning());
    const res = await call('GET', `/v1/booking/${token}/slots?from=${DAY}&to=${DAY}`);
    expect(res.status).toBe(200);
    expect(res.body.timezone).toBe(ZONE);
    expect(res.body.duration).toBe(30);
    expect(res.body.slots.map((s: { start: string }) => s.start)).toEqual(
      ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'].map((t) => at(t)),
    );
    for (const slot of res.body.slots) {
      expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(30 * 60_000);
    }
    // Seen from Tokyo (14 h ahead), 09:00–09:30 New York is 23:00–23:30 on DAY, the rest the next day.
    const next = new Date(Date.parse(`${DAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const tokyo = await call(
      'GET',
      `/v1/booking/${token}/slots?from=${DAY}&to=${next}&timezone=Asia/Tokyo`,
    );
    expect(tokyo.body.timezone).toBe('Asia/Tokyo');
    expect(tokyo.body.slots).toEqual(res.body.slots);
    const tokyoDay = await call(
      'GET',
      `/v1/booking/${token}/slots?from=${DAY}&to=${DAY}&timezone=Asia/Tokyo`,
    );
    expect(tokyoDay.body.slots).toEqual(res.body.slots.slice(0, 2));
  });

  it.each([
    ['from=2026-13-01&to=2026-13-02', 'from'],
    ['from=yesterday', 'from'],
    ['from=2027-01-10&to=2027-01-09', 'to'],
    ['from=2027-01-01&to=2027-03-05', 'to'],
    ['from=2027-01-01&to=2027-01-02&timezone=Nowhere/City', 'timezone'],
  ])('refuses bad slot queries: %s', async (query, path) => {
    const { token } = await conversationWith(freeMorning());
    const res = await call('GET', `/v1/booking/${token}/slots?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('books a slot, then refuses a second booking and shows the meeting', async () => {
    const { conversation, token } = await conversationWith(freeMorning());
    const booked = await call('POST', `/v1/booking/${token}`, {
      body: { start: at('10:00'), timezone: 'Europe/Berlin' },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    // The candidate's view: the interviewers by name, no email address, no conversation id.
    expect(Object.keys(booked.body.meeting).sort()).toEqual(
      [
        'id',
        'status',
        'title',
        'description',
        'startDateTime',
        'endDateTime',
        'timezone',
        'location',
        'videoConference',
        'videoConferencingProvider',
        'meetingUrl',
        'isDevelopmentVideoRoom',
        'interviewers',
        'cancelledBy',
        'createdAt',
        'updatedAt',
      ].sort(),
    );
    expect(JSON.stringify(booked.body)).not.toMatch(/@/);
    expect(booked.body.meeting).toMatchObject({
      status: 'SCHEDULED',
      title: conversation.meetingConfiguration.title,
      startDateTime: at('10:00'),
      endDateTime: at('10:30'),
      timezone: ZONE,
      videoConference: true,
      videoConferencingProvider: 'Google Meet',
      cancelledBy: null,
    });
    expect(booked.body.meeting.meetingUrl).toMatch(/^https?:\/\//);
    // No video provider is configured here: the link is the development room, and says so.
    expect(booked.body.meeting.isDevelopmentVideoRoom).toBe(true);
    expect(booked.body.meeting.interviewers).toEqual([
      { name: 'Ivy Interviewer', isOrganizer: true },
    ]);

    const again = await call('POST', `/v1/booking/${token}`, { body: { start: at('11:00') } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');

    const page = await call('GET', `/v1/booking/${token}`);
    expect(page.body).toMatchObject({
      schedulingStatus: 'SCHEDULED',
      canBook: false,
      meeting: { id: booked.body.meeting.id },
    });
    // The page's meeting (loaded with its link in one statement) is the booking's, to the ms.
    expect(page.body.meeting).toEqual(booked.body.meeting);
    expect(page.body.candidateTimezone).toBe('Europe/Berlin');
    const read = await api.get(`/v1/conversations/${conversation.id}`);
    expect(read.body.schedulingStatus).toBe('SCHEDULED');
    expect(read.body.meeting.id).toBe(booked.body.meeting.id);
    // The recruiter's view of the same meeting has everyone's addresses.
    const recruiterView = await api.get(`/v1/meetings/${booked.body.meeting.id}`);
    expect(recruiterView.body).toMatchObject({
      id: booked.body.meeting.id,
      conversationId: conversation.id,
      startDateTime: booked.body.meeting.startDateTime,
      meetingUrl: booked.body.meeting.meetingUrl,
    });
    expect(recruiterView.body.participants).toEqual(
      expect.arrayContaining([
        {
          email: conversation.meetingParticipants[0].email,
          name: 'Ivy Interviewer',
          isOrganizer: true,
        },
        { email: conversation.emailAddress, name: 'Casey Candidate', isOrganizer: false },
      ]),
    );
    const scheduled = await events(conversation.id, 'CALENDAR_MEETING_SCHEDULED');
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]!.payload).toMatchObject({
      event: 'CALENDAR_MEETING_SCHEDULED',
      eventId: scheduled[0]!.id,
      data: {
        recordId: booked.body.meeting.id,
        organizationId: api.auth.organizationId,
        conversationId: conversation.id,
        campaignId,
        meetingDetails: { startDateTime: at('10:00'), endDateTime: at('10:30'), timezone: ZONE },
      },
    });
  });

  it('refuses starts that are not offered with 409 slot_unavailable', async () => {
    const { token } = await conversationWith(freeMorning());
    for (const start of [
      at('10:10'),
      at('12:00'),
      at('08:30'),
      new Date(Date.parse(at('10:00')) + 1000).toISOString(),
    ]) {
      const res = await call('POST', `/v1/booking/${token}`, { body: { start } });
      expect(res.status, start).toBe(409);
      expect(res.body.error.code).toBe('slot_unavailable');
    }
    const bad = await call('POST', `/v1/booking/${token}`, { body: { start: 'tomorrow at 10' } });
    expect(bad.status).toBe(400);
  });

  it("takes a booked slot away from the interviewer's other links, across conversations", async () => {
    const shared = freeMorning();
    const first = await conversationWith(shared);
    const second = await conversationWith(shared);
    expect(
      (await call('POST', `/v1/booking/${first.token}`, { body: { start: at('09:30') } })).status,
    ).toBe(201);
    const slots = await call('GET', `/v1/booking/${second.token}/slots?from=${DAY}&to=${DAY}`);
    expect(slots.body.slots.map((s: { start: string }) => s.start)).not.toContain(at('09:30'));
    const taken = await call('POST', `/v1/booking/${second.token}`, {
      body: { start: at('09:30') },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('slot_unavailable');
  });

  it('keeps the buffer around existing meetings and refuses overlaps of different lengths', async () => {
    const shared = freeMorning();
    const long = await conversationWith(shared, { duration: 60, slotInterval: 30 });
    expect(
      (await call('POST', `/v1/booking/${long.token}`, { body: { start: at('10:00') } })).status,
    ).toBe(201);
    const short = await conversationWith(shared, {
      duration: 30,
      bufferMinutes: 15,
      slotInterval: 15,
    });
    const slots = await call('GET', `/v1/booking/${short.token}/slots?from=${DAY}&to=${DAY}`);
    const starts = slots.body.slots.map((s: { start: string }) => s.start);
    // 10:00–11:00 is taken; with a 15-minute buffer, 09:15 is the last start before and 11:15 the first after.
    expect(starts).toEqual(['09:00', '09:15', '11:15', '11:30'].map((t) => at(t)));
    for (const start of ['09:30', '10:30', '11:00']) {
      const res = await call('POST', `/v1/booking/${short.token}`, { body: { start: at(start) } });
      expect(res.status, start).toBe(409);
    }
    expect(
      (await call('POST', `/v1/booking/${short.token}`, { body: { start: at('11:15') } })).status,
    ).toBe(201);
  });

  it('lets the candidate reschedule: same UID, SEQUENCE up, previous details in the event', async () => {
    const { conversation, token } = await conversationWith(freeMorning());
    const booked = await call('POST', `/v1/booking/${token}`, { body: { start: at('09:00') } });
    const moved = await call('POST', `/v1/booking/${token}/reschedule`, {
      body: { start: at('11:00') },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.meeting).toMatchObject({
      id: booked.body.meeting.id,
      startDateTime: at('11:00'),
      status: 'SCHEDULED',
    });
    const [event] = await events(conversation.id, 'CALENDAR_MEETING_RESCHEDULED');
    expect(event!.payload.data).toMatchObject({
      recordId: booked.body.meeting.id,
      meetingDetails: { startDateTime: at('11:00') },
      previousMeetingDetails: { startDateTime: at('09:00') },
    });
    // The old time is free again, the new one taken.
    const slots = await call(
      'GET',
      `/v1/booking/${(await conversationWith(ivy)).token}/slots?from=${DAY}&to=${DAY}`,
    );
    expect(slots.body.slots.length).toBeGreaterThan(0);
    const invites = await getDb()
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, conversation.id), eq(messages.channel, 'EMAIL')));
    const updated = invites.filter((m) => m.subject?.startsWith('Updated invitation'));
    expect(updated.length).toBe(2);
    const ics = updated[0]!.attachments![0]!.content;
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain(`UID:${booked.body.meeting.id}@parley`);
    expect(
      (await call('POST', `/v1/booking/${token}/reschedule`, { body: { start: at('10:10') } }))
        .status,
    ).toBe(409);
  });

  it('lets the candidate cancel and book again; a recruiter cancellation is final', async () => {
    const { conversation, token } = await conversationWith(freeMorning());
    const booked = await call('POST', `/v1/booking/${token}`, { body: { start: at('09:00') } });
    const cancelled = await call('POST', `/v1/booking/${token}/cancel`, {
      body: { reason: 'Found another job' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.meeting).toMatchObject({ status: 'CANCELLED', cancelledBy: 'CANDIDATE' });
    // The reason reaches the organizer (below), never the public page.
    expect(JSON.stringify(cancelled.body)).not.toContain('Found another job');
    const [event] = await events(conversation.id, 'CALENDAR_MEETING_CANCELLED');
    expect(event!.payload.data).toMatchObject({
      recordId: booked.body.meeting.id,
      cancelledBy: 'CANDIDATE',
      cancellationReason: 'Found another job',
    });
    expect((await call('POST', `/v1/booking/${token}/cancel`, { body: {} })).status).toBe(409);
    const page = await call('GET', `/v1/booking/${token}`);
    expect(page.body).toMatchObject({ schedulingStatus: 'CANCELLED', canBook: true });

    const rebooked = await call('POST', `/v1/booking/${token}`, { body: { start: at('09:00') } });
    expect(rebooked.status).toBe(201);
    expect(rebooked.body.meeting.id).not.toBe(booked.body.meeting.id);

    const byRecruiter = await api.post(`/v1/meetings/${rebooked.body.meeting.id}/cancel`, {
      reason: 'Role filled',
    });
    expect(byRecruiter.status).toBe(200);
    expect(byRecruiter.body).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: 'RECRUITER',
      cancellationReason: 'Role filled',
    });
    expect(
      (await call('POST', `/v1/booking/${token}`, { body: { start: at('10:00') } })).status,
    ).toBe(409);
    const closedPage = await call('GET', `/v1/booking/${token}`);
    expect(closedPage.body).toMatchObject({
      canBook: false,
      meeting: { status: 'CANCELLED', cancelledBy: 'RECRUITER' },
    });
    expect(JSON.stringify(closedPage.body)).not.toContain('Role filled');
    const ics = (
      await getDb().select().from(messages).where(eq(messages.conversationId, conversation.id))
    )
      .filter((m) => m.subject?.startsWith('Cancelled'))
      .map((m) => m.attachments![0]!.content);
    expect(ics.length).toBeGreaterThanOrEqual(2);
    expect(
      ics.every((text) => text.includes('METHOD:CANCEL') && text.includes('STATUS:CANCELLED')),
    ).toBe(true);
  });

  it('lets the recruiter reschedule by meeting id; other organizations get 404', async () => {
    const { token } = await conversationWith(freeMorning());
    const booked = await call('POST', `/v1/booking/${token}`, { body: { start: at('09:00') } });
    const moved = await api.post(`/v1/meetings/${booked.body.meeting.id}/reschedule`, {
      start: at('10:30'),
    });
    expect(moved.status).toBe(200);
    expect(moved.body.startDateTime).toBe(at('10:30'));
    const stranger = await newOrganization('Stranger');
    expect((await stranger.get(`/v1/meetings/${booked.body.meeting.id}`)).status).toBe(404);
    expect((await stranger.post(`/v1/meetings/${booked.body.meeting.id}/cancel`, {})).status).toBe(
      404,
    );
    expect(
      (
        await stranger.post(`/v1/meetings/${booked.body.meeting.id}/reschedule`, {
          start: at('11:00'),
        })
      ).status,
    ).toBe(404);
    expect((await api.get('/v1/meetings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('cancels the meeting when the conversation is closed', async () => {
    const { conversation, token } = await conversationWith(freeMorning());
    await call('POST', `/v1/booking/${token}`, { body: { start: at('09:00') } });
    const closed = await api.post(`/v1/conversations/${conversation.id}/close`);
    expect(closed.body).toMatchObject({
      status: 'CLOSED',
      schedulingStatus: 'CANCELLED',
      meeting: { status: 'CANCELLED', cancelledBy: 'RECRUITER' },
    });
    expect(await events(conversation.id, 'CALENDAR_MEETING_CANCELLED')).toHaveLength(1);
    expect(
      (await call('GET', `/v1/booking/${token}/slots?from=${DAY}&to=${DAY}`)).body.slots,
    ).toEqual([]);
    expect(
      (await call('POST', `/v1/booking/${token}`, { body: { start: at('10:00') } })).status,
    ).toBe(409);
  });

  it('sends every participant an ICS invite, checked field by field', async () => {
    const person = freeMorning();
    const { conversation, token } = await conversationWith(person);
    const booked = await call('POST', `/v1/booking/${token}`, { body: { start: at('11:30') } });
    // The invites (the agent's opening message to the candidate is there too, without attachment).
    const sent = (
      await getDb().select().from(messages).where(eq(messages.conversationId, conversation.id))
    ).filter((m) => m.attachments !== null);
    expect(sent.map((m) => m.toAddress).sort()).toEqual(
      [conversation.emailAddress, person.email].sort(),
    );
    for (const message of sent) {
      expect(message).toMatchObject({
        channel: 'EMAIL',
        direction: 'OUTBOUND',
        status: 'SENT',
        transport: 'dev',
      });
      expect(message.subject).toContain('Invitation: Interview with Casey Candidate');
      const attachment = message.attachments![0]!;
      expect(attachment.contentType).toMatch(/^text\/calendar; method=REQUEST/);
      const lines = attachment.content.replace(/\r\n[ \t]/g, '').split('\r\n');
      const field = (name: string) => lines.filter((l) => l.startsWith(name));
      expect(field('METHOD:')).toEqual(['METHOD:REQUEST']);
      expect(field('UID:')).toEqual([`UID:${booked.body.meeting.id}@parley`]);
      expect(field('SEQUENCE:')).toEqual(['SEQUENCE:0']);
      const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
      expect(field('DTSTART')).toEqual([`DTSTART:${stamp(at('11:30'))}`]);
      expect(field('DTEND')).toEqual([`DTEND:${stamp(at('12:00'))}`]);
      expect(field('SUMMARY:')).toEqual([`SUMMARY:${conversation.meetingConfiguration.title}`]);
      expect(field('STATUS:')).toEqual(['STATUS:CONFIRMED']);
      // No video provider is configured: the room is the development one, and says so.
      expect(field('LOCATION:')).toEqual(['LOCATION:Development video room']);
      expect(attachment.content.replace(/\r\n[ \t]/g, '')).toContain(
        `Development video room (stands in for Google Meet`,
      );
      expect(message.body).toMatch(
        /Where: Development video room \(stands in for Google Meet;.*\): http/,
      );
      expect(field('ORGANIZER')[0]).toContain(`mailto:${person.email}`);
      const attendees = field('ATTENDEE');
      expect(attendees).toHaveLength(2);
      expect(attendees.some((a) => a.endsWith(`mailto:${conversation.emailAddress}`))).toBe(true);
      expect(field('URL')[0]).toContain(booked.body.meeting.meetingUrl);
    }
  });
});

/** `count` booking links of one interviewer, free on DAY from 09:00 to `until` (New York). */
async function linksSharingOneInterviewer(count: number, until: string): Promise<string[]> {
  const api = await newOrganization('Race');
  const campaignId = await newCampaign(api, { channel: 'EMAIL' });
  const person = interviewer({
    availability: {
      timezone: ZONE,
      timeSlots: [{ date: DAY, startTime: '09:00', endTime: until }],
    },
  });
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await api.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, {
        meetingParticipants: [person],
        meetingConfiguration: meetingConfiguration({ timezone: ZONE }),
      }),
    );
    tokens.push(tokenOf(res.body));
  }
  return tokens;
}

describe('booking under concurrency', () => {
  it('gives exactly one of 50 concurrent bookings of one slot for one interviewer a 201', async () => {
    const tokens = await linksSharingOneInterviewer(50, '12:00');
    const results = await Promise.all(
      tokens.map((token) => call('POST', `/v1/booking/${token}`, { body: { start: at('10:00') } })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const losers = results.filter((r) => r.status !== 201);
    expect(losers.every((r) => r.status === 409 && r.body.error.code === 'slot_unavailable')).toBe(
      true,
    );
    // One losing conversation booked 10 times at once: one meeting.
    const loser = tokens[results.findIndex((r) => r.status !== 201)]!;
    const again = await Promise.all(
      Array.from({ length: 10 }, () =>
        call('POST', `/v1/booking/${loser}`, { body: { start: at('11:00') } }),
      ),
    );
    expect(again.filter((r) => r.status === 201)).toHaveLength(1);
    expect(again.every((r) => r.status === 201 || r.status === 409)).toBe(true);
  });

  it('books exactly 5 of 30 candidates into 5 free slots', async () => {
    const tokens = await linksSharingOneInterviewer(30, '11:30');
    const slots = ['09:00', '09:30', '10:00', '10:30', '11:00'].map((t) => at(t));
    const outcomes = await Promise.all(
      tokens.map(async (token, i) => {
        // Each candidate tries the slots in its own order until one works.
        const order = slots.map((_, k) => slots[(i + k) % slots.length]!);
        for (const start of order) {
          const res = await call('POST', `/v1/booking/${token}`, { body: { start } });
          if (res.status === 201) return start;
          expect(res.status).toBe(409);
        }
        return null;
      }),
    );
    const winners = outcomes.filter(Boolean);
    expect(winners).toHaveLength(5);
    expect(new Set(winners).size).toBe(5);
  });
});

describe('no availability', () => {
  it('marks a link NO_AVAILABILITY once, and recovers when time frees up', async () => {
    const api = await newOrganization('Scarce');
    const campaignId = await newCampaign(api, { channel: 'EMAIL' });
    const person = interviewer({
      availability: {
        timezone: ZONE,
        timeSlots: [{ date: DAY, startTime: '09:00', endTime: '09:30' }],
      },
    });
    const body = () =>
      schedulingBody(campaignId, {
        meetingParticipants: [person],
        meetingConfiguration: meetingConfiguration({ timezone: ZONE }),
      });
    const first = await api.post('/v1/scheduling/conversations', body());
    const second = await api.post('/v1/scheduling/conversations', body());
    expect(second.body.schedulingStatus).toBe('LINK_SENT');
    expect(
      (await call('POST', `/v1/booking/${tokenOf(first.body)}`, { body: { start: at('09:00') } }))
        .status,
    ).toBe(201);

    // The only slot is gone: the second link turns NO_AVAILABILITY (the refresh job, or the next read).
    await eventually(
      async () =>
        (await api.get(`/v1/conversations/${second.body.id}`)).body.schedulingStatus ===
        'NO_AVAILABILITY',
    );
    for (let i = 0; i < 3; i++) await call('GET', `/v1/booking/${tokenOf(second.body)}`);
    const notFound = await events(second.body.id, 'CALENDAR_AVAILABILITY_NOT_FOUND');
    expect(notFound).toHaveLength(1);
    expect(notFound[0]!.payload.data).toMatchObject({ conversationId: second.body.id, campaignId });
    expect(notFound[0]!.payload.data).not.toHaveProperty('recordId');
    expect((notFound[0]!.payload.data as { searchedFrom: string }).searchedFrom).toMatch(/Z$/);

    // A third conversation is NO_AVAILABILITY from the start.
    const third = await api.post('/v1/scheduling/conversations', body());
    expect(third.body.schedulingStatus).toBe('NO_AVAILABILITY');

    // Cancelling the meeting frees the slot: the links recover by themselves.
    await call('POST', `/v1/booking/${tokenOf(first.body)}/cancel`, { body: {} });
    await eventually(
      async () =>
        (await api.get(`/v1/conversations/${second.body.id}`)).body.schedulingStatus ===
        'LINK_SENT',
    );
    await eventually(
      async () =>
        (await api.get(`/v1/conversations/${third.body.id}`)).body.schedulingStatus === 'LINK_SENT',
    );
    expect(await events(second.body.id, 'CALENDAR_AVAILABILITY_NOT_FOUND')).toHaveLength(1);
  });
});

describe('the database itself', () => {
  it('refuses overlapping live meetings of one interviewer (exclusion constraint)', async () => {
    const api = await newOrganization('Constraint');
    const campaignId = await newCampaign(api, { channel: 'EMAIL' });
    const person = interviewer({
      availability: {
        timezone: ZONE,
        timeSlots: [{ date: DAY, startTime: '09:00', endTime: '12:00' }],
      },
    });
    const res = await api.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, {
        meetingParticipants: [person],
        meetingConfiguration: meetingConfiguration({ timezone: ZONE }),
      }),
    );
    const booked = await call('POST', `/v1/booking/${tokenOf(res.body)}`, {
      body: { start: at('10:00') },
    });
    const { sql } = await import('drizzle-orm');
    const overlapping = getDb().execute(
      sql`insert into meeting_attendees (meeting_id, organization_id, email, name, is_organizer, role, during)
          values (${booked.body.meeting.id}::uuid, ${api.auth.organizationId}::uuid, ${`other-${person.email}`}, 'x', false, 'INTERVIEWER',
                  tstzrange(${at('10:15')}::timestamptz, ${at('10:45')}::timestamptz)),
                 (${booked.body.meeting.id}::uuid, ${api.auth.organizationId}::uuid, ${person.email + '.dup'}, 'x', false, 'INTERVIEWER',
                  tstzrange(${at('10:15')}::timestamptz, ${at('10:45')}::timestamptz))`,
    );
    await expect(overlapping).resolves.toBeDefined();
    const clash = getDb().execute(
      sql`insert into meeting_attendees (meeting_id, organization_id, email, name, is_organizer, role, during)
          select gen_random_uuid(), ${api.auth.organizationId}::uuid, ${person.email}, 'x', false, 'INTERVIEWER',
                 tstzrange(${at('10:29')}::timestamptz, ${at('10:59')}::timestamptz)`,
    );
    await expect(clash).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '23P01' }),
    });
  });
});
