import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setClock } from '@/lib/server/clock';
import { getDb } from '@/lib/server/db/client';
import { availabilityRequests } from '@/lib/server/db/schema/calendars';
import { messages } from '@/lib/server/db/schema/conversations';
import { eventOutbox } from '@/lib/server/db/schema/outbox';
import {
  readAvailabilityForForm,
  saveAvailabilityFromForm,
} from '@/lib/server/services/availability/availability-form';
import { runAvailabilityRequests } from '@/lib/server/services/availability/run-availability-requests';
import { call, type Client } from '../support/api';
import { TEST_INBOUND_DOMAIN, TEST_INBOUND_SECRET } from '../support/app';
import {
  eventually,
  meetingConfiguration,
  newCampaign,
  newOrganization,
  schedulingBody,
  tokenOf,
  uniqueEmail,
} from '../support/factories';

/**
 * Availability collected from a hiring manager by email (DESIGN §8), end to end over HTTP: one
 * request per person for every conversation waiting for them, the reply read and confirmed, every
 * candidate released with their link, reminders, the 72-hour expiry and the request again when the
 * times run out. The clock is fixed: Monday 2037-12-07 10:00 in New York.
 * The year lies far ahead of the machine's real time: the job queue runs on real time, so a job
 * the fixed clock schedules must never come due while the test runs.
 */
const ZONE = 'America/New_York';
const MONDAY_10AM = Date.UTC(2037, 11, 7, 15, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function rawEmail(params: { from: string; to: string; text: string; inReplyTo?: string }) {
  return [
    `From: Morgan Manager <${params.from}>`,
    `To: ${params.to}`,
    'Subject: Re: When are you free to interview?',
    `Message-ID: <${randomBytes(6).toString('hex')}@mail.example.com>`,
    ...(params.inReplyTo ? [`In-Reply-To: ${params.inReplyTo}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    params.text,
    '',
  ].join('\r\n');
}

const postEmail = (raw: string) =>
  call('POST', '/webhooks/email', {
    rawBody: raw,
    headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${TEST_INBOUND_SECRET}` },
  });

async function emailsTo(address: string) {
  return getDb()
    .select()
    .from(messages)
    .where(and(eq(messages.toAddress, address), eq(messages.direction, 'OUTBOUND')))
    .orderBy(asc(messages.id));
}

async function eventsOf(conversationId: string) {
  const rows = await getDb()
    .select()
    .from(eventOutbox)
    .where(eq(eventOutbox.conversationId, conversationId));
  return rows.map((r) => r.eventType);
}

describe('availability collected from a hiring manager', () => {
  let api: Client;
  let campaignId: string;
  let manager: string;

  beforeEach(async () => {
    setClock(MONDAY_10AM);
    api = await newOrganization();
    campaignId = await newCampaign(api, {
      channel: 'EMAIL',
      company: 'Acme',
      position: 'Backend Engineer',
    });
    manager = uniqueEmail('morgan');
  });
  afterEach(() => setClock(null));

  async function waitingConversation(name: string, campaign = campaignId) {
    const res = await api.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaign, {
        firstName: name,
        emailAddress: uniqueEmail(name.toLowerCase()),
        meetingParticipants: [
          {
            name: 'Morgan Manager',
            email: manager,
            isOrganizer: true,
            autoCollectAvailability: true,
          },
        ],
        meetingConfiguration: meetingConfiguration({
          timezone: ZONE,
          openHours: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }],
        }),
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const started = await eventually(async () => {
      const got = await api.get(`/v1/conversations/${res.body.id}`);
      return got.body.status === 'ONGOING' ? got.body : null;
    });
    return started as { id: string; bookingUrl: string; emailAddress: string };
  }

  async function managerCalendar() {
    const list = await api.get('/v1/user-calendars');
    return list.body.data.find((c: { email: string }) => c.email === manager);
  }

  async function openRequest() {
    const calendar = await managerCalendar();
    const [request] = await getDb()
      .select()
      .from(availabilityRequests)
      .where(
        and(
          eq(availabilityRequests.userCalendarId, calendar.id),
          eq(availabilityRequests.status, 'OPEN'),
        ),
      );
    return request!;
  }

  it('asks once for three candidates, reads the reply, and releases all three', async () => {
    const waiting = [
      await waitingConversation('Ana'),
      await waitingConversation('Ben'),
      await waitingConversation('Cleo'),
    ];
    for (const conversation of waiting) {
      const booking = await call('GET', `/v1/booking/${tokenOf(conversation)}`);
      expect(booking.body).toMatchObject({
        schedulingStatus: 'AWAITING_AVAILABILITY',
        canBook: false,
      });
    }
    // The request gathers the conversations for a minute before its one email.
    await runAvailabilityRequests(getDb(), new Date(MONDAY_10AM));
    expect(await emailsTo(manager)).toHaveLength(0);
    await runAvailabilityRequests(getDb(), new Date(MONDAY_10AM + 2 * MINUTE));
    await runAvailabilityRequests(getDb(), new Date(MONDAY_10AM + 3 * MINUTE));
    const [request] = await emailsTo(manager);
    expect(await emailsTo(manager)).toHaveLength(1);
    expect(request!.subject).toBe('When are you free to interview? (3 waiting)');
    expect(request!.body).toContain(
      '3 candidates are waiting to book a 30-minute interview with you for the Backend Engineer role.',
    );
    expect(request!.body).toContain('Mon–Wed 9–12, Thu after 2pm');
    const { token } = await openRequest();
    expect(request!.body).toContain(`/availability/${token}`);
    const before = await managerCalendar();
    expect(before).toMatchObject({
      waitingConversations: 3,
      availability: null,
      availabilityRequest: { status: 'OPEN', remindersSent: 0 },
    });

    const reply = await postEmail(
      rawEmail({
        from: manager,
        to: `Acme <avail+${token}@${TEST_INBOUND_DOMAIN}>`,
        text: [
          'Mon–Wed 9–12, Thu after 2pm',
          '',
          'Morgan',
          '',
          'On Mon, Dec 7, 2037 at 10:00 AM Acme wrote:',
          '> Reply to this email with the times you are free, for example Friday 9-5',
        ].join('\n'),
      }),
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toEqual({ status: 'AVAILABILITY_SAVED' });

    const confirmation = (await emailsTo(manager))[1]!;
    expect(confirmation.subject).toBe('Your interview times are saved');
    expect(confirmation.body).toContain('This is what I understood (America/New_York):');
    expect(confirmation.body).toContain('Mon 7 Dec: 09:00–12:00');
    expect(confirmation.body).toContain('Thu 10 Dec: 14:00–18:00');
    // The quoted "Friday 9-5" is history, not an answer.
    expect(confirmation.body).not.toContain('Fri');
    expect(confirmation.body).toContain('The 3 waiting candidates have been sent a booking link.');

    const after = await managerCalendar();
    expect(after.waitingConversations).toBe(0);
    expect(after.availabilityRequest).toMatchObject({ status: 'ANSWERED' });
    expect(after.availability.timezone).toBe(ZONE);
    expect(after.availability.timeSlots).toHaveLength(8);

    for (const conversation of waiting) {
      const got = await api.get(`/v1/conversations/${conversation.id}`);
      expect(got.body.schedulingStatus).toBe('LINK_SENT');
      const sent = await emailsTo(conversation.emailAddress);
      expect(sent).toHaveLength(2);
      expect(sent[1]!.body).toContain(conversation.bookingUrl);
    }

    // Tuesday 09:00 New York: one candidate takes it, the next cannot.
    const tuesday9 = '2037-12-08T14:00:00.000Z';
    const first = await call('POST', `/v1/booking/${tokenOf(waiting[0]!)}`, {
      body: { start: tuesday9 },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await call('POST', `/v1/booking/${tokenOf(waiting[1]!)}`, {
      body: { start: tuesday9 },
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('slot_unavailable');
    const slots = await call(
      'GET',
      `/v1/booking/${tokenOf(waiting[1]!)}/slots?from=2037-12-08&to=2037-12-08&timezone=${ZONE}`,
    );
    expect(slots.body.slots.map((s: { start: string }) => s.start)).not.toContain(tuesday9);
    const third = await call('POST', `/v1/booking/${tokenOf(waiting[1]!)}`, {
      body: { start: '2037-12-08T14:30:00.000Z' },
    });
    expect(third.status).toBe(201);
  });

  it('writes to the manager in the campaign’s language and answers each reply in its own', async () => {
    const spanish = await newCampaign(api, {
      channel: 'EMAIL',
      company: 'Acme',
      position: 'Ingeniera de backend',
      language: 'es',
    });
    await waitingConversation('Lucia', spanish);
    await waitingConversation('Mateo', spanish);
    await runAvailabilityRequests(getDb(), new Date(MONDAY_10AM + 2 * MINUTE));
    const [request] = await emailsTo(manager);
    expect(request!.subject).toBe('¿Cuándo puede entrevistar? (2 en espera)');
    expect(request!.body).toContain('Hola, Morgan:');
    expect(request!.body).toContain(
      '2 candidatos esperan para reservar una entrevista de 30 minutos con usted para el puesto de Ingeniera de backend.',
    );
    expect(request!.body).toContain('De lunes a miércoles de 9 a 12, jueves a partir de las 14');
    const { token } = await openRequest();
    const to = `Acme <avail+${token}@${TEST_INBOUND_DOMAIN}>`;

    // Nothing readable, and only numbers: still Spanish (the request's language).
    await postEmail(rawEmail({ from: manager, to, text: '¿?' }));
    const clarification = (await emailsTo(manager))[1]!;
    expect(clarification.subject).toBe('¿Qué horarios le vienen bien?');
    const saved = await postEmail(rawEmail({ from: manager, to, text: '9-12' }));
    expect(saved.body).toEqual({ status: 'AVAILABILITY_SAVED' });
    const confirmation = (await emailsTo(manager))[2]!;
    expect(confirmation.subject).toBe('Sus horarios de entrevista están guardados');
    expect(confirmation.body).toContain('Esto es lo que he entendido (America/New_York):');
    expect(confirmation.body).toContain('lun 7 dic: 09:00–12:00');
    expect(confirmation.body).toContain(
      'Los 2 candidatos en espera han recibido un enlace de reserva.',
    );

    // A correction written in English is answered in English.
    const corrected = await postEmail(rawEmail({ from: manager, to, text: 'Tuesday 1-3pm' }));
    expect(corrected.body).toEqual({ status: 'AVAILABILITY_SAVED' });
    const english = (await emailsTo(manager))[3]!;
    expect(english.subject).toBe('Your interview times are saved');
    expect(english.body).toContain('Tue 8 Dec: 13:00–15:00');
  });

  it('answers an unreadable reply with one clarification, then reads the next', async () => {
    const conversation = await waitingConversation('Dana');
    await runAvailabilityRequests(getDb(), new Date(MONDAY_10AM + 2 * MINUTE));
    const { token } = await openRequest();
    const [ask] = await emailsTo(manager);
    // A reply in the thread (In-Reply-To our request) from the same address.
    const unreadable = () =>
      postEmail(
        rawEmail({
          from: manager,
          to: `scheduling@${TEST_INBOUND_DOMAIN}`,
          inReplyTo: `<${ask!.id}@${TEST_INBOUND_DOMAIN}>`,
          text: 'Let me check with my team and get back to you.',
        }),
      );
    expect((await unreadable()).body).toEqual({ status: 'AVAILABILITY_UNREADABLE' });
    expect((await unreadable()).body).toEqual({ status: 'AVAILABILITY_UNREADABLE' });
    const sent = await emailsTo(manager);
    expect(sent.map((m) => m.subject)).toEqual([
      'When are you free to interview? (1 waiting)',
      'Which times work for you?',
    ]);
    expect(sent[1]!.body).toContain(`/availability/${token}`);
    expect((await api.get(`/v1/conversations/${conversation.id}`)).body.schedulingStatus).toBe(
      'AWAITING_AVAILABILITY',
    );
    // Only the sender's address, no reply address or thread: still their open request.
    const readable = await postEmail(
      rawEmail({ from: manager, to: `scheduling@${TEST_INBOUND_DOMAIN}`, text: 'Friday 1-3pm' }),
    );
    expect(readable.body).toEqual({ status: 'AVAILABILITY_SAVED' });
    expect((await api.get(`/v1/conversations/${conversation.id}`)).body.schedulingStatus).toBe(
      'LINK_SENT',
    );
  });

  it('the form’s actions say why they refuse (for the page to word it) and change nothing', async () => {
    const conversation = await waitingConversation('Flo');
    await runAvailabilityRequests(getDb(), new Date(MONDAY_10AM + 2 * MINUTE));
    const { token } = await openRequest();
    const slot = { date: '2037-12-08', startTime: '09:00', endTime: '12:00' };
    const unknown = randomBytes(16).toString('hex');
    expect(await saveAvailabilityFromForm(unknown, { timezone: ZONE, timeSlots: [slot] })).toEqual({
      ok: false,
      refusal: 'link',
    });
    expect(await saveAvailabilityFromForm('../x', { timezone: ZONE, timeSlots: [slot] })).toEqual({
      ok: false,
      refusal: 'link',
    });
    const backwards = { ...slot, startTime: '12:00', endTime: '09:00' };
    expect(
      await saveAvailabilityFromForm(token, { timezone: ZONE, timeSlots: [backwards] }),
    ).toEqual({ ok: false, refusal: 'times' });
    expect(await readAvailabilityForForm(token, { text: '   ', timezone: ZONE })).toEqual({
      ok: false,
      refusal: 'text',
    });
    expect(await readAvailabilityForForm(unknown, { text: 'Tue 9-12', timezone: ZONE })).toEqual({
      ok: false,
      refusal: 'link',
    });
    expect((await api.get(`/v1/conversations/${conversation.id}`)).body.schedulingStatus).toBe(
      'AWAITING_AVAILABILITY',
    );
    expect(
      await saveAvailabilityFromForm(token, { timezone: ZONE, timeSlots: [slot] }),
    ).toMatchObject({
      ok: true,
      released: 1,
    });
  });

  it('reminds at 24 h and 48 h, and gives up at 72 h with CALENDAR_AVAILABILITY_NOT_FOUND', async () => {
    const conversation = await waitingConversation('Eli');
    const sweep = (at: number) => runAvailabilityRequests(getDb(), new Date(MONDAY_10AM + at));
    await sweep(2 * MINUTE);
    await sweep(23 * HOUR);
    expect(await emailsTo(manager)).toHaveLength(1);
    await sweep(24 * HOUR + 2 * MINUTE);
    await sweep(47 * HOUR);
    await sweep(48 * HOUR + 2 * MINUTE);
    const sent = await emailsTo(manager);
    expect(sent.map((m) => m.subject)).toEqual([
      'When are you free to interview? (1 waiting)',
      'Reminder: a candidate is waiting for your times',
      'Last reminder: your interview times are needed',
    ]);
    expect((await managerCalendar()).availabilityRequest.remindersSent).toBe(2);
    await sweep(71 * HOUR);
    expect((await api.get(`/v1/conversations/${conversation.id}`)).body.schedulingStatus).toBe(
      'AWAITING_AVAILABILITY',
    );
    await sweep(72 * HOUR + 2 * MINUTE);
    const expired = await api.get(`/v1/conversations/${conversation.id}`);
    expect(expired.body.schedulingStatus).toBe('NO_AVAILABILITY');
    expect(await eventsOf(conversation.id)).toContain('CALENDAR_AVAILABILITY_NOT_FOUND');
    expect((await managerCalendar()).availabilityRequest.status).toBe('EXPIRED');
    await sweep(100 * HOUR);
    expect(await emailsTo(manager)).toHaveLength(3);
  });

  it('saves availability by PUT, refuses a bad one at its field, and asks again when it is used up', async () => {
    const waiting = await waitingConversation('Fay');
    const calendar = await managerCalendar();
    const bad = await api.put(`/v1/user-calendars/${calendar.id}/availability`, {
      timezone: ZONE,
      timeSlots: [{ date: '2037-12-08', startTime: '10:00', endTime: '09:00' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('timeSlots.0.endTime');
    const missing = await api.put(
      '/v1/user-calendars/00000000-0000-4000-8000-000000000000/availability',
      { timezone: ZONE, timeSlots: [] },
    );
    expect(missing.status).toBe(404);

    // One 30-minute slot on Tuesday.
    const saved = await api.put(`/v1/user-calendars/${calendar.id}/availability`, {
      timezone: ZONE,
      timeSlots: [{ date: '2037-12-08', startTime: '09:00', endTime: '09:30' }],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.availability).toEqual({
      timezone: ZONE,
      timeSlots: [{ date: '2037-12-08', startTime: '09:00', endTime: '09:30' }],
    });
    expect((await api.get(`/v1/conversations/${waiting.id}`)).body.schedulingStatus).toBe(
      'LINK_SENT',
    );
    // A candidate who comes later gets the saved times at once: no new request.
    const later = await waitingConversation('Gus');
    expect((await api.get(`/v1/conversations/${later.id}`)).body.schedulingStatus).toBe(
      'LINK_SENT',
    );
    const opening = (await emailsTo(later.emailAddress))[0]!;
    expect(opening.body).toContain(later.bookingUrl);
    const requests = await getDb()
      .select()
      .from(availabilityRequests)
      .where(eq(availabilityRequests.userCalendarId, calendar.id));
    expect(requests.map((r) => r.status)).toEqual(['ANSWERED']);

    // The first candidate books the only slot: the later one's times are used up, and Morgan is
    // asked again (the request of the first conversation was answered by the PUT).
    const booked = await call('POST', `/v1/booking/${tokenOf(waiting)}`, {
      body: { start: '2037-12-08T14:00:00.000Z' },
    });
    expect(booked.status).toBe(201);
    // The booking re-checks the links sharing Morgan (a job): nothing is left for the later one.
    await eventually(async () => {
      const got = await api.get(`/v1/conversations/${later.id}`);
      return got.body.schedulingStatus !== 'LINK_SENT';
    });
    // A day on (Morgan was asked less than a day ago), the page view or the sweep asks again.
    setClock(MONDAY_10AM + 25 * HOUR);
    const page = await call('GET', `/v1/booking/${tokenOf(later)}`);
    expect(page.status).toBe(200);
    await runAvailabilityRequests(getDb(), new Date(MONDAY_10AM + 25 * HOUR));
    await eventually(async () => {
      const got = await api.get(`/v1/conversations/${later.id}`);
      return got.body.schedulingStatus === 'AWAITING_AVAILABILITY';
    });
    const open = await getDb()
      .select()
      .from(availabilityRequests)
      .where(
        and(
          eq(availabilityRequests.userCalendarId, calendar.id),
          eq(availabilityRequests.status, 'OPEN'),
          isNull(availabilityRequests.sentAt),
        ),
      );
    expect(open).toHaveLength(1);
  });

  it('asks again by itself once the saved times are past, and not twice in a day', async () => {
    const waiting = await waitingConversation('Hana');
    const calendar = await managerCalendar();
    await api.put(`/v1/user-calendars/${calendar.id}/availability`, {
      timezone: ZONE,
      timeSlots: [{ date: '2037-12-08', startTime: '09:00', endTime: '12:00' }],
    });
    expect((await api.get(`/v1/conversations/${waiting.id}`)).body.schedulingStatus).toBe(
      'LINK_SENT',
    );
    // Wednesday: Tuesday's times are past and nobody booked.
    const wednesday = MONDAY_10AM + 2 * 24 * HOUR;
    await runAvailabilityRequests(getDb(), new Date(wednesday));
    expect((await api.get(`/v1/conversations/${waiting.id}`)).body.schedulingStatus).toBe(
      'AWAITING_AVAILABILITY',
    );
    await runAvailabilityRequests(getDb(), new Date(wednesday + 2 * MINUTE));
    const asked = (await emailsTo(manager)).map((m) => m.subject);
    expect(asked).toEqual(['When are you free to interview? (1 waiting)']);
    // Still waiting a few hours later: the open request serves it, no second one.
    await runAvailabilityRequests(getDb(), new Date(wednesday + 5 * HOUR));
    const requests = await getDb()
      .select()
      .from(availabilityRequests)
      .where(eq(availabilityRequests.userCalendarId, calendar.id));
    expect(requests.map((r) => r.status).sort()).toEqual(['ANSWERED', 'OPEN']);
  });

  it('reads free text on the parse endpoint and saves nothing', async () => {
    const res = await api.post('/v1/scheduling/availability/parse', {
      text: 'Next week mornings except Friday',
      timezone: 'Europe/Berlin',
      referenceDate: '2037-12-07',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      timezone: 'Europe/Berlin',
      timeSlots: ['14', '15', '16', '17'].map((d) => ({
        date: `2037-12-${d}`,
        startTime: '09:00',
        endTime: '12:00',
      })),
      unparsed: [],
      language: 'en',
    });
    const today = await api.post('/v1/scheduling/availability/parse', {
      text: 'Tuesday 10-2 London time',
      timezone: ZONE,
    });
    expect(today.body.timezone).toBe('Europe/London');
    expect(today.body.timeSlots[0]).toEqual({
      date: '2037-12-08',
      startTime: '10:00',
      endTime: '14:00',
    });
    const bad = await api.post('/v1/scheduling/availability/parse', {
      text: 'Monday',
      timezone: 'Mars/Olympus',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('timezone');
    const empty = await api.post('/v1/scheduling/availability/parse', {
      text: ' ',
      timezone: ZONE,
    });
    expect(empty.status).toBe(400);
  });
});
