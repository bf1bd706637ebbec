import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { messages } from '@/lib/server/db/schema/conversations';
import { eventOutbox } from '@/lib/server/db/schema/outbox';
import { interviewerLoadThisWeek } from '@/lib/server/queries/interviewer-load';
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

const DAY = dateInDays(5);
const NEXT_DAY = dateInDays(6);
const ZONE = 'America/New_York';

/** Instant of a wall time in New York, e.g. at('10:00'). */
function at(time: string, date = DAY): string {
  const probe = new Date(`${date}T${time}:00Z`);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' })
    .formatToParts(probe)
    .find((p) => p.type === 'timeZoneName')!
    .value.replace('GMT', '');
  return new Date(`${date}T${time}:00${offset || 'Z'}`).toISOString();
}

/** Half-hour starts 09:00–16:30 of a date in New York. */
const halfHours = (date: string) =>
  Array.from({ length: 16 }, (_, i) =>
    at(`${String(9 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`, date),
  );

/** A pool member free 09:00–17:00 New York on DAY and NEXT_DAY, not an organizer. */
const member = (name: string, overrides: Record<string, unknown> = {}) =>
  interviewer({
    name,
    email: uniqueEmail(name.toLowerCase()),
    isOrganizer: false,
    availability: {
      timezone: ZONE,
      timeSlots: [DAY, NEXT_DAY].map((date) => ({ date, startTime: '09:00', endTime: '17:00' })),
    },
    ...overrides,
  });

type Person = ReturnType<typeof member>;

describe('round robin and load limits', () => {
  let api: Client;
  let campaignId: string;

  beforeAll(async () => {
    api = await newOrganization('Round robin');
    campaignId = await newCampaign(api, { channel: 'EMAIL' });
  });

  async function link(
    pool: Person[],
    availabilityMethod: 'ROUND_ROBIN' | 'COLLECTIVE' = 'ROUND_ROBIN',
  ): Promise<{ token: string; conversation: Record<string, unknown> }> {
    const res = await api.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, {
        availabilityMethod,
        meetingParticipants: pool,
        meetingConfiguration: meetingConfiguration({ timezone: ZONE }),
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { token: tokenOf(res.body), conversation: res.body };
  }

  /** The interviewer emails of a booked meeting, as the recruiter API shows them. */
  async function interviewersOf(meetingId: string): Promise<string[]> {
    const res = await api.get(`/v1/meetings/${meetingId}`);
    expect(res.status).toBe(200);
    return (res.body.participants as { email: string }[])
      .map((p) => p.email)
      .filter((email) => !email.startsWith('candidate.'));
  }

  describe('validation', () => {
    const body = (overrides: Record<string, unknown>) =>
      schedulingBody(campaignId, {
        meetingConfiguration: meetingConfiguration({ timezone: ZONE }),
        ...overrides,
      });

    it('takes 2–10 participants without an organizer under round robin', async () => {
      const one = await api.post(
        '/v1/scheduling/conversations',
        body({ availabilityMethod: 'ROUND_ROBIN', meetingParticipants: [member('Ana')] }),
      );
      expect(one.status).toBe(400);
      expect(one.body.error.code).toBe('validation_error');
      expect(one.body.error.details[0]).toMatchObject({ path: 'meetingParticipants' });
      expect(one.body.error.details[0].message).toMatch(/2 to 10 participants/);

      const eleven = Array.from({ length: 11 }, (_, i) => member(`Eve${i}`));
      const tooMany = await api.post(
        '/v1/scheduling/conversations',
        body({ availabilityMethod: 'ROUND_ROBIN', meetingParticipants: eleven }),
      );
      expect(tooMany.status).toBe(400);

      const { conversation } = await link([member('Ana'), member('Ben')]);
      expect(conversation.availabilityMethod).toBe('ROUND_ROBIN');
      expect(conversation.schedulingStatus).toBe('LINK_SENT');
    });

    it('still needs exactly one organizer when collective, the default', async () => {
      const res = await api.post(
        '/v1/scheduling/conversations',
        body({ meetingParticipants: [member('Ana'), member('Ben')] }),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].message).toMatch(/exactly one participant/);
      const bad = await api.post(
        '/v1/scheduling/conversations',
        body({ availabilityMethod: 'TAKE_TURNS', meetingParticipants: [member('Ana')] }),
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].path).toBe('availabilityMethod');
    });

    it('checks the load limits', async () => {
      for (const [limits, path] of [
        [{ maxMeetingsPerDay: 0 }, 'meetingParticipants.0.maxMeetingsPerDay'],
        [{ maxMeetingsPerWeek: 1.5 }, 'meetingParticipants.0.maxMeetingsPerWeek'],
        [
          { maxMeetingsPerDay: 3, maxMeetingsPerWeek: 2 },
          'meetingParticipants.0.maxMeetingsPerWeek',
        ],
        [{ maxMeetingsPerDay: '2' }, 'meetingParticipants.0.maxMeetingsPerDay'],
      ] as const) {
        const res = await api.post(
          '/v1/scheduling/conversations',
          body({ meetingParticipants: [member('Ana', { isOrganizer: true, ...limits })] }),
        );
        expect(res.status, JSON.stringify(limits)).toBe(400);
        expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
      }
      const { conversation } = await link(
        [member('Ana', { isOrganizer: true, maxMeetingsPerDay: 2, maxMeetingsPerWeek: 5 })],
        'COLLECTIVE',
      );
      expect(conversation.availabilityMethod).toBe('COLLECTIVE');
      expect((conversation.meetingParticipants as Record<string, unknown>[])[0]).toMatchObject({
        maxMeetingsPerDay: 2,
        maxMeetingsPerWeek: 5,
      });
    });

    it('keeps method and limits on meeting templates; a patch must fit what is stored', async () => {
      const created = await api.post('/v1/meeting-templates', {
        name: 'Pool',
        availabilityMethod: 'ROUND_ROBIN',
        meetingParticipants: [member('Ana', { maxMeetingsPerDay: 2 }), member('Ben')],
        meetingConfiguration: meetingConfiguration({ timezone: ZONE }),
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body.availabilityMethod).toBe('ROUND_ROBIN');
      expect(created.body.meetingParticipants[0]).toMatchObject({
        maxMeetingsPerDay: 2,
        maxMeetingsPerWeek: null,
      });
      const id = created.body.id as string;
      // A campaign with the round-robin template gives round-robin conversations with the limits.
      const pooled = await newCampaign(api, { calendarMeetingTemplateId: id, channel: 'EMAIL' });
      const started = await api.post('/v1/conversations', {
        campaignId: pooled,
        firstName: 'Grace',
        emailAddress: uniqueEmail(),
      });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      expect(started.body.availabilityMethod).toBe('ROUND_ROBIN');
      expect(started.body.meetingParticipants[0]).toMatchObject({ maxMeetingsPerDay: 2 });
      // Back to collective without an organizer: refused.
      const collective = await api.patch(`/v1/meeting-templates/${id}`, {
        availabilityMethod: 'COLLECTIVE',
      });
      expect(collective.status).toBe(400);
      expect(collective.body.error.details[0].path).toBe('meetingParticipants');
      const alone = await api.patch(`/v1/meeting-templates/${id}`, {
        meetingParticipants: [member('Ana')],
      });
      expect(alone.status).toBe(400);
      const fine = await api.patch(`/v1/meeting-templates/${id}`, {
        availabilityMethod: 'COLLECTIVE',
        meetingParticipants: [member('Ana', { isOrganizer: true }), member('Ben')],
      });
      expect(fine.status).toBe(200);
      expect(fine.body.availabilityMethod).toBe('COLLECTIVE');
      expect((await api.get(`/v1/meeting-templates/${id}`)).body.availabilityMethod).toBe(
        'COLLECTIVE',
      );
    });

    it('documents both in the OpenAPI document', async () => {
      const doc = await call('GET', '/v1/openapi.json');
      const text = JSON.stringify(doc.body);
      expect(text).toContain('ROUND_ROBIN');
      expect(text).toContain('maxMeetingsPerWeek');
    });
  });

  describe('assignment', () => {
    it('spreads 20 bookings over a pool of 4, naming only the assigned interviewer', async () => {
      const pool = ['Ana', 'Ben', 'Cy', 'Dee'].map((name) => member(name));
      const starts = [...halfHours(DAY), ...halfHours(NEXT_DAY)].slice(0, 20);
      const assigned: string[] = [];
      for (const start of starts) {
        const { token, conversation } = await link(pool);
        const booked = await call('POST', `/v1/booking/${token}`, { body: { start } });
        expect(booked.status, JSON.stringify(booked.body)).toBe(201);
        expect(booked.body.meeting.interviewers).toHaveLength(1);
        expect(booked.body.meeting.interviewers[0].isOrganizer).toBe(true);
        const emails = await interviewersOf(booked.body.meeting.id);
        expect(emails).toHaveLength(1);
        assigned.push(emails[0]!);
        if (assigned.length === 1) {
          // The webhook and the invites name the assigned interviewer alone.
          const [event] = await getDb()
            .select()
            .from(eventOutbox)
            .where(
              and(
                eq(eventOutbox.conversationId, conversation.id as string),
                eq(eventOutbox.eventType, 'CALENDAR_MEETING_SCHEDULED'),
              ),
            );
          const details = (
            event!.payload as { data: { meetingDetails: { participants: { email: string }[] } } }
          ).data.meetingDetails;
          expect(details.participants.map((p) => p.email).sort()).toEqual(
            [emails[0]!, conversation.emailAddress as string].sort(),
          );
          const sent = await getDb()
            .select()
            .from(messages)
            .where(eq(messages.conversationId, conversation.id as string));
          const invited = sent.map((m) => m.toAddress);
          expect(invited).toContain(emails[0]!);
          for (const other of pool.filter((p) => p.email !== emails[0])) {
            expect(invited).not.toContain(other.email);
          }
        }
      }
      // Fewest meetings first, ties by least recently booked: strict rotation, 5 each.
      expect(new Set(assigned.slice(0, 4)).size).toBe(4);
      for (let i = 4; i < 20; i++) expect(assigned[i]).toBe(assigned[i - 4]);
      const counts = pool.map((p) => assigned.filter((e) => e === p.email).length);
      expect(counts).toEqual([5, 5, 5, 5]);
    });

    it('offers a start while one of the pool is free, and gives it to the free one', async () => {
      const ana = member('Ana');
      const ben = member('Ben');
      // Ana alone takes 10:00 in a collective link first.
      const first = await link([{ ...ana, isOrganizer: true }], 'COLLECTIVE');
      expect(
        (await call('POST', `/v1/booking/${first.token}`, { body: { start: at('10:00') } })).status,
      ).toBe(201);
      const { token } = await link([ana, ben]);
      // Before booking nobody is named: only the one assigned will attend.
      expect((await call('GET', `/v1/booking/${token}`)).body.interviewers).toEqual([]);
      const slots = await call('GET', `/v1/booking/${token}/slots?from=${DAY}&to=${DAY}`);
      expect(slots.body.slots.map((s: { start: string }) => s.start)).toContain(at('10:00'));
      const booked = await call('POST', `/v1/booking/${token}`, { body: { start: at('10:00') } });
      expect(booked.status).toBe(201);
      expect(await interviewersOf(booked.body.meeting.id)).toEqual([ben.email]);
      expect((await call('GET', `/v1/booking/${token}`)).body.interviewers).toEqual([
        { name: 'Ben', isOrganizer: true },
      ]);
    });
  });

  describe('concurrency', () => {
    it('gives two of three simultaneous bookings of one start two different interviewers', async () => {
      const pool = [member('Ana'), member('Ben')];
      const tokens = [(await link(pool)).token, (await link(pool)).token, (await link(pool)).token];
      const results = await Promise.all(
        tokens.map((token) =>
          call('POST', `/v1/booking/${token}`, { body: { start: at('11:00') } }),
        ),
      );
      const won = results.filter((r) => r.status === 201);
      expect(won).toHaveLength(2);
      const lost = results.filter((r) => r.status !== 201);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.status).toBe(409);
      expect(lost[0]!.body.error.code).toBe('slot_unavailable');
      const emails = await Promise.all(won.map((r) => interviewersOf(r.body.meeting.id)));
      expect(emails.flat().sort()).toEqual(pool.map((p) => p.email).sort());
    });

    it('never exceeds a daily limit under concurrent bookings', async () => {
      // Ana takes at most 2 a day, Ben 1: of 8 candidates booking 8 different starts at once, 3 win.
      const pool = [
        member('Ana', { maxMeetingsPerDay: 2 }),
        member('Ben', { maxMeetingsPerDay: 1 }),
      ];
      const tokens: string[] = [];
      for (let i = 0; i < 8; i++) tokens.push((await link(pool)).token);
      const starts = halfHours(DAY).slice(0, 8);
      const results = await Promise.all(
        tokens.map((token, i) =>
          call('POST', `/v1/booking/${token}`, { body: { start: starts[i] } }),
        ),
      );
      const won = results.filter((r) => r.status === 201);
      expect(won).toHaveLength(3);
      expect(
        results.every((r) => r.status === 201 || r.body.error?.code === 'slot_unavailable'),
      ).toBe(true);
      const emails = (await Promise.all(won.map((r) => interviewersOf(r.body.meeting.id)))).flat();
      expect(emails.filter((e) => e === pool[0]!.email)).toHaveLength(2);
      expect(emails.filter((e) => e === pool[1]!.email)).toHaveLength(1);
      // The load query counts them on that date and ISO week, beside the limits.
      const week = await interviewerLoadThisWeek(getDb(), {
        organizationId: api.auth.organizationId,
        timezone: ZONE,
        emails: pool.map((p) => p.email),
        now: new Date(at('08:00')),
      });
      expect(week.from <= DAY && DAY <= week.to).toBe(true);
      expect(week.loads).toEqual([
        expect.objectContaining({
          email: pool[0]!.email,
          meetingsToday: 2,
          meetingsThisWeek: 2,
          maxMeetingsPerDay: 2,
        }),
        expect.objectContaining({ email: pool[1]!.email, meetingsToday: 1, maxMeetingsPerDay: 1 }),
      ]);
      // That day is gone for the pool; the next one is still offered.
      const { token } = await link(pool);
      const day = await call('GET', `/v1/booking/${token}/slots?from=${DAY}&to=${DAY}`);
      expect(day.body.slots).toEqual([]);
      const next = await call('GET', `/v1/booking/${token}/slots?from=${NEXT_DAY}&to=${NEXT_DAY}`);
      expect(next.body.slots.length).toBeGreaterThan(0);
    });

    it('holds a weekly limit across collective conversations too', async () => {
      const ana = member('Ana', { isOrganizer: true, maxMeetingsPerWeek: 1 });
      const a = await link([ana], 'COLLECTIVE');
      const b = await link([ana], 'COLLECTIVE');
      const results = await Promise.all([
        call('POST', `/v1/booking/${a.token}`, { body: { start: at('09:00') } }),
        call('POST', `/v1/booking/${b.token}`, { body: { start: at('15:00') } }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    });
  });

  describe('reschedule', () => {
    it('keeps the interviewer when free at the new start, else reassigns', async () => {
      const ana = member('Ana');
      const ben = member('Ben');
      const { token, conversation } = await link([ana, ben]);
      const conversationId = conversation.id as string;
      const booked = await call('POST', `/v1/booking/${token}`, { body: { start: at('09:00') } });
      expect(booked.status).toBe(201);
      const meetingId = booked.body.meeting.id as string;
      const [first] = await interviewersOf(meetingId);
      const other = first === ana.email ? ben : ana;
      const firstPerson = first === ana.email ? ana : ben;

      const kept = await call('POST', `/v1/booking/${token}/reschedule`, {
        body: { start: at('13:00') },
      });
      expect(kept.status, JSON.stringify(kept.body)).toBe(200);
      expect(await interviewersOf(meetingId)).toEqual([first]);

      // The assigned interviewer gets booked at 15:00 elsewhere: moving there changes hands.
      const elsewhere = await link([{ ...firstPerson, isOrganizer: true }], 'COLLECTIVE');
      expect(
        (await call('POST', `/v1/booking/${elsewhere.token}`, { body: { start: at('15:00') } }))
          .status,
      ).toBe(201);
      const moved = await api.post(`/v1/meetings/${meetingId}/reschedule`, {
        start: at('15:00'),
      });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(await interviewersOf(meetingId)).toEqual([other.email]);
      expect(moved.body.startDateTime).toBe(at('15:00'));
      // The new interviewer is invited; the previous one gets a cancellation.
      const sent = await getDb()
        .select()
        .from(messages)
        .where(eq(messages.conversationId, conversationId));
      const to = (email: string) => sent.filter((m) => m.toAddress === email).map((m) => m.subject);
      expect(to(other.email)).toEqual([expect.stringMatching(/^Updated invitation: /)]);
      expect(to(first!)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Invitation: /),
          expect.stringMatching(/^Cancelled: /),
        ]),
      );

      // Both busy at 15:00 now: a third link cannot have it.
      const third = await link([ana, ben]);
      expect(
        (await call('POST', `/v1/booking/${third.token}`, { body: { start: at('15:00') } })).status,
      ).toBe(409);
    });
  });
});
