import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encryptSecret } from '@/lib/server/crypto/secrets';
import { getDb } from '@/lib/server/db/client';
import { calendarConnections, meetingCalendarEvents } from '@/lib/server/db/schema/calendars';
import { eventOutbox } from '@/lib/server/db/schema/outbox';
import { newId } from '@/lib/server/ids';
import { pollMeetingEvents } from '@/lib/server/calendar/poll-meeting-events';
import { call, type Client } from '../support/api';
import type { FakeMicrosoft } from '../support/fake-microsoft';
import { suiteMicrosoft } from '../support/fake-microsoft-suite';
import {
  dateInDays,
  eventually,
  meetingConfiguration,
  newCampaign,
  newOrganization,
  schedulingBody,
  tokenOf,
  uniqueEmail,
} from '../support/factories';
import { connectMicrosoftAccount } from '../support/microsoft-connection';
import { aroundNextClockChange, hourIn, instantIn } from '../support/zoned-time';

const DAY = dateInDays(6);
const ZONE = 'America/New_York';

/** Instant of a wall time on DAY in New York, e.g. at('10:00'). */
const at = (time: string, date = DAY) => new Date(instantIn(date, time, ZONE)).toISOString();

describe('Microsoft calendar, end to end', () => {
  let fake: FakeMicrosoft;
  let api: Client;
  let campaignId: string;

  beforeAll(async () => {
    fake = await suiteMicrosoft();
    api = await newOrganization('Microsoft calendar org');
    campaignId = await newCampaign(api, { channel: 'EMAIL' });
  });
  afterEach(() => {
    fake.state.faults.length = 0;
  });

  /**
   * What the connect flow stores: the consent URL visited, the code exchanged against the local
   * Microsoft, and the connection with its token cache encrypted.
   */
  async function connectOrganizer(options: { shortLivedTokens?: boolean } = {}) {
    const email = uniqueEmail('olivia');
    fake.addAccount(email, 'Olivia Organizer');
    fake.setTokenLifetime(options.shortLivedTokens ? 60 : 3600);
    const account = await connectMicrosoftAccount(fake, { loginHint: email });
    fake.setTokenLifetime(3600);
    const id = newId();
    await getDb()
      .insert(calendarConnections)
      .values({
        id,
        organizationId: api.auth.organizationId,
        provider: 'MICROSOFT',
        email,
        accountEmail: account.email,
        credentials: encryptSecret(account.credentials),
        connectedAt: new Date(),
      });
    return { email, connectionId: id };
  }

  async function conversationWith(email: string, configuration: Record<string, unknown> = {}) {
    const res = await api.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, {
        meetingParticipants: [
          { name: 'Olivia Organizer', email, isOrganizer: true, isCalendarConnected: true },
        ],
        meetingConfiguration: meetingConfiguration({
          timezone: ZONE,
          videoConferencingProvider: 'Microsoft Teams',
          openHours: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '09:00', end: '12:00' }],
          ...configuration,
        }),
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { conversation: res.body, token: tokenOf(res.body) };
  }

  const slotStarts = async (token: string) => {
    const res = await call('GET', `/v1/booking/${token}/slots?from=${DAY}&to=${DAY}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.slots as { start: string }[]).map((s) => s.start);
  };

  const outbox = async (conversationId: string, type: string) =>
    (
      await getDb().select().from(eventOutbox).where(eq(eventOutbox.conversationId, conversationId))
    ).filter((r) => r.eventType === type);

  const calendarRow = async (meetingId: string) =>
    (
      await getDb()
        .select()
        .from(meetingCalendarEvents)
        .where(eq(meetingCalendarEvents.meetingId, meetingId))
    )[0];

  it('books around Outlook busy time, puts a Teams event in the organizer calendar, then moves and cancels it', async () => {
    const { email } = await connectOrganizer();
    // Busy 10:00–11:00 New York (given in UTC, as Graph answers); a free item changes nothing.
    fake.setBusy(email, [
      { start: new Date(at('10:00')), end: new Date(at('11:00')) },
      { start: new Date(at('09:00')), end: new Date(at('09:30')), status: 'free' },
    ]);
    const { conversation, token } = await conversationWith(email);
    const candidate = conversation.emailAddress as string;

    expect(await slotStarts(token)).toEqual(['09:00', '09:30', '11:00', '11:30'].map((t) => at(t)));
    expect(fake.graphCalls(/getSchedule/).length).toBeGreaterThan(0);

    const booked = await call('POST', `/v1/booking/${token}`, { body: { start: at('09:00') } });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body.meeting).toMatchObject({
      videoConferencingProvider: 'Microsoft Teams',
      isDevelopmentVideoRoom: false,
    });
    const meetingId = booked.body.meeting.id as string;

    // The meetings.sync job makes the event after commit.
    const synced = await eventually(async () => (await calendarRow(meetingId))?.eventId);
    const [event] = fake.eventsOf(email);
    expect(event).toMatchObject({
      id: synced,
      transactionId: meetingId.replace(/-/g, ''),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      start: { dateTime: `${DAY}T09:00:00`, timeZone: ZONE },
      end: { dateTime: `${DAY}T09:30:00`, timeZone: ZONE },
    });
    expect(event!.attendees.map((a) => a.emailAddress.address)).toEqual([candidate]);
    const joinUrl = event!.onlineMeeting!.joinUrl;

    const scheduled = await eventually(async () => {
      const rows = await outbox(conversation.id, 'CALENDAR_MEETING_SCHEDULED');
      return rows.length > 0 ? rows : null;
    });
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]!.payload).toMatchObject({
      event: 'CALENDAR_MEETING_SCHEDULED',
      data: { recordId: meetingId, meetingDetails: { meetingUrl: joinUrl } },
    });
    const page = await call('GET', `/v1/booking/${token}`);
    expect(page.body.meeting.meetingUrl).toBe(joinUrl);

    const moved = await call('POST', `/v1/booking/${token}/reschedule`, {
      body: { start: at('11:30') },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await eventually(() =>
      fake.graphCalls(/^PATCH /).some((r) => decodeURIComponent(r.path).endsWith(synced)),
    );
    expect(fake.state.events.get(synced)).toMatchObject({
      start: { dateTime: `${DAY}T11:30:00`, timeZone: ZONE },
      end: { dateTime: `${DAY}T12:00:00`, timeZone: ZONE },
      isCancelled: false,
    });
    expect(fake.eventsOf(email)).toHaveLength(1);

    const cancelled = await call('POST', `/v1/booking/${token}/cancel`, { body: {} });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    await eventually(async () => (await calendarRow(meetingId))?.cancelledAt);
    expect(fake.state.events.get(synced)?.isCancelled).toBe(true);
    expect(
      fake.graphCalls(/\/cancel$/).filter((r) => decodeURIComponent(r.path).includes(synced)),
    ).toHaveLength(1);
  });

  it('offers what Outlook leaves free across New York’s clock change, with busy times given in Berlin’s', async () => {
    const { email } = await connectOrganizer();
    const week = aroundNextClockChange();
    // 15:00–16:00 Berlin both days: a different New York hour before and after New York's change.
    const busy = [week.friday, week.monday].map((date) => ({
      start: new Date(instantIn(date, '15:00', 'Europe/Berlin')),
      end: new Date(instantIn(date, '16:00', 'Europe/Berlin')),
    }));
    fake.setBusy(email, busy);
    const blocked = busy.map((b) => hourIn(b.start.getTime(), ZONE));
    expect(blocked[0]).not.toBe(blocked[1]);
    const { token } = await conversationWith(email, {
      duration: 60,
      slotInterval: 60,
      bookingHorizonDays: 365,
      openHours: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '12:00' }],
    });
    const slots = await call(
      'GET',
      `/v1/booking/${token}/slots?from=${week.friday}&to=${week.monday}`,
    );
    expect(slots.status, JSON.stringify(slots.body)).toBe(200);
    const free = (date: string, taken: number) =>
      [9, 10, 11]
        .filter((h) => h !== taken)
        .map((h) => new Date(instantIn(date, `${h}:00`.padStart(5, '0'), ZONE)).toISOString());
    expect((slots.body.slots as { start: string }[]).map((s) => s.start)).toEqual([
      ...free(week.friday, blocked[0]!),
      ...free(week.monday, blocked[1]!),
    ]);
  });

  it('reports a late Teams link and the attendees’ answers read from the event (meetings.poll)', async () => {
    const { email } = await connectOrganizer();
    const { conversation, token } = await conversationWith(email);
    fake.setLateJoinUrls(true);
    const booked = await call('POST', `/v1/booking/${token}`, { body: { start: at('11:00') } });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const meetingId = booked.body.meeting.id as string;
    const eventId = await eventually(async () => (await calendarRow(meetingId))?.eventId);
    fake.setLateJoinUrls(false);
    const [scheduled] = await eventually(async () => {
      const rows = await outbox(conversation.id, 'CALENDAR_MEETING_SCHEDULED');
      return rows.length > 0 ? rows : null;
    });
    expect(scheduled!.payload).toMatchObject({ data: { meetingDetails: { meetingUrl: null } } });

    fake.releaseJoinUrls();
    fake.setAttendeeResponse(eventId, conversation.emailAddress as string, 'accepted');
    // The scheduled poll, run now (it is due: the event was never polled).
    await pollMeetingEvents(getDb(), new Date());
    const joinUrl = fake.state.events.get(eventId)!.onlineMeeting!.joinUrl;
    const updates = await outbox(conversation.id, 'CALENDAR_MEETING_UPDATED');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.payload).toMatchObject({
      data: {
        recordId: meetingId,
        meetingDetails: { meetingUrl: joinUrl },
        changes: expect.arrayContaining([
          { field: 'meetingUrl', meetingUrl: joinUrl },
          {
            field: 'attendeeResponse',
            email: (conversation.emailAddress as string).toLowerCase(),
            response: 'ACCEPTED',
          },
        ]),
      },
    });
    expect((await call('GET', `/v1/booking/${token}`)).body.meeting.meetingUrl).toBe(joinUrl);
  });

  it('retries a create whose answer was lost without making a second event', async () => {
    const { email } = await connectOrganizer();
    const { conversation, token } = await conversationWith(email);
    fake.loseNextAnswer(500, {
      match: new RegExp(`^POST /v1\\.0/me/events$`),
    });
    const booked = await call('POST', `/v1/booking/${token}`, { body: { start: at('10:00') } });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const meetingId = booked.body.meeting.id as string;
    // The first attempt failed (the event exists, the answer was lost); the job retries.
    await eventually(async () => (await calendarRow(meetingId))?.lastError);
    const synced = await eventually(async () => (await calendarRow(meetingId))?.eventId, 45_000);
    expect(fake.eventsOf(email).map((e) => e.id)).toEqual([synced]);
    const scheduled = await eventually(async () => {
      const rows = await outbox(conversation.id, 'CALENDAR_MEETING_SCHEDULED');
      return rows.length > 0 ? rows : null;
    });
    expect(scheduled).toHaveLength(1);
  }, 60_000);

  it('offers nothing while Graph fails, and refuses the booking with a clear 409', async () => {
    const { email } = await connectOrganizer();
    // From the start: a new conversation already fills the busy-period cache.
    fake.failNext(500, { match: /getSchedule/, times: 50 });
    const { token } = await conversationWith(email);
    expect(await slotStarts(token)).toEqual([]);
    const refused = await call('POST', `/v1/booking/${token}`, { body: { start: at('09:00') } });
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.body.error.code).toBe('slot_unavailable');
  });

  it('flags a revoked grant: NEEDS_RECONNECT and one CALENDAR_CONNECTION_FAILED', async () => {
    const { email, connectionId } = await connectOrganizer({ shortLivedTokens: true });
    fake.revokeRefreshTokens(email);
    const { token } = await conversationWith(email);
    expect(await slotStarts(token)).toEqual([]);
    expect(await slotStarts(token)).toEqual([]);
    const [connection] = await getDb()
      .select()
      .from(calendarConnections)
      .where(
        and(
          eq(calendarConnections.organizationId, api.auth.organizationId),
          eq(calendarConnections.id, connectionId),
        ),
      );
    expect(connection).toMatchObject({ status: 'NEEDS_RECONNECT' });
    expect(connection!.failureReason).toMatch(/invalid_grant|refused/i);
    const failed = (
      await getDb()
        .select()
        .from(eventOutbox)
        .where(eq(eventOutbox.organizationId, api.auth.organizationId))
    ).filter(
      (r) =>
        r.eventType === 'CALENDAR_CONNECTION_FAILED' &&
        (r.payload as { data: { email: string } }).data.email === email,
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]!.payload).toMatchObject({ data: { email, provider: 'MICROSOFT' } });
  });

  it('refuses Microsoft Teams without the organizer’s Microsoft connection (400)', async () => {
    const res = await api.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, {
        meetingConfiguration: meetingConfiguration({
          videoConferencingProvider: 'Microsoft Teams',
        }),
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(
      'meetingConfiguration.videoConferencingProvider',
    );
  });
});
