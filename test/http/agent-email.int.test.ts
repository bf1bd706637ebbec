import { randomBytes } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setClock } from '@/lib/server/clock';
import { executeRows, getDb } from '@/lib/server/db/client';
import { conversations, messages } from '@/lib/server/db/schema/conversations';
import { eventOutbox } from '@/lib/server/db/schema/outbox';
import { runDueFollowUps } from '@/lib/server/services/agent/run-follow-ups';
import { sendMeetingReminder } from '@/lib/server/services/meetings/meeting-reminder';
import { call, type Client } from '../support/api';
import { TEST_INBOUND_DOMAIN, TEST_INBOUND_SECRET } from '../support/app';
import {
  eventually,
  interviewer,
  meetingConfiguration,
  newCampaign,
  newOrganization,
  schedulingBody,
  tokenOf,
  uniqueEmail,
} from '../support/factories';

/**
 * The agent over email, end to end (DESIGN §7): the opening goes out through the dev transport,
 * the candidate's replies come back as raw RFC 822 on `POST /webhooks/email`, and the agent books,
 * proposes, asks for a human or stops, exactly as the booking page and the machine say.
 * The clock is fixed: Monday 2037-12-07 10:00 in New York; the interviewer is free on Tuesday
 * the 8th and Thursday the 10th, 09:00–17:00 New York time.
 * The year lies far ahead of the machine's real time: the job queue runs on real time, so a job
 * the fixed clock schedules must never come due while the test runs.
 */
const ZONE = 'America/New_York';
const MONDAY_10AM = Date.UTC(2037, 11, 7, 15, 0);
const HOUR = 3_600_000;

async function eventsOf(conversationId: string) {
  const rows = await getDb()
    .select()
    .from(eventOutbox)
    .where(eq(eventOutbox.conversationId, conversationId))
    .orderBy(asc(eventOutbox.createdAt));
  return rows.map((r) => r.eventType);
}

async function thread(conversationId: string) {
  return (
    getDb()
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversationId))
      // Ids are time-ordered by real time; the fixed clock gives every message the same createdAt.
      .orderBy(asc(messages.id))
  );
}

async function agentMessages(conversationId: string) {
  return (await thread(conversationId)).filter((m) => m.direction === 'OUTBOUND');
}

function rawReply(params: {
  from: string;
  to: string;
  text: string;
  messageId?: string;
  inReplyTo?: string;
}): string {
  return [
    `From: Casey Candidate <${params.from}>`,
    `To: ${params.to}`,
    'Subject: Re: Your interview with Acme',
    `Message-ID: ${params.messageId ?? `<${randomBytes(6).toString('hex')}@mail.example.com>`}`,
    ...(params.inReplyTo ? [`In-Reply-To: ${params.inReplyTo}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    params.text,
    '',
  ].join('\r\n');
}

async function postEmail(raw: string, secret = TEST_INBOUND_SECRET) {
  return call('POST', '/webhooks/email', {
    rawBody: raw,
    headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${secret}` },
  });
}

describe('the agent by email', () => {
  let api: Client;
  let campaignId: string;

  beforeEach(async () => {
    setClock(MONDAY_10AM);
    api = await newOrganization();
    campaignId = await newCampaign(api, { channel: 'EMAIL', company: 'Acme' });
  });
  afterEach(() => setClock(null));

  async function started(overrides: Record<string, unknown> = {}) {
    const res = await api.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, {
        emailAddress: uniqueEmail('casey'),
        meetingParticipants: [
          interviewer({
            availability: {
              timezone: ZONE,
              timeSlots: ['2037-12-08', '2037-12-10'].map((date) => ({
                date,
                startTime: '09:00',
                endTime: '17:00',
              })),
            },
          }),
        ],
        meetingConfiguration: meetingConfiguration({ timezone: ZONE }),
        ...overrides,
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const conversation = await eventually(async () => {
      const got = await api.get(`/v1/conversations/${res.body.id}`);
      return got.body.status === 'ONGOING' ? got.body : null;
    });
    const [row] = await getDb()
      .select()
      .from(conversations)
      .where(eq(conversations.id, res.body.id));
    const [opening] = await agentMessages(res.body.id);
    return {
      conversation,
      token: tokenOf(conversation),
      email: conversation.emailAddress as string,
      replyTo: `reply+${row!.replyToken}@${TEST_INBOUND_DOMAIN}`,
      openingId: `<${opening!.id}@${TEST_INBOUND_DOMAIN}>`,
    };
  }

  it('books "Tuesday at 2pm works" from a reply with quoted history, and confirms it', async () => {
    const { conversation, email, replyTo } = await started();
    const res = await postEmail(
      rawReply({
        from: email,
        to: `Acme <${replyTo}>`,
        text: [
          'Tuesday at 2pm works',
          '',
          'Casey',
          '--',
          'Casey Candidate | +1 415 555 0100',
          '',
          'On Mon, Dec 7, 2037 at 10:00 AM Acme <scheduling@parley.localhost> wrote:',
          '> Please choose a time for your interview here: https://example.com/book/x',
          '> Thursday at 9am also appears in this quote and must not be read',
        ].join('\n'),
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ status: 'HANDLED' });

    const after = await api.get(`/v1/conversations/${conversation.id}`);
    expect(after.body.status).toBe('COMPLETED');
    expect(after.body.schedulingStatus).toBe('SCHEDULED');
    expect(after.body.meeting).toMatchObject({
      status: 'SCHEDULED',
      startDateTime: '2037-12-08T19:00:00.000Z',
    });
    const inbound = after.body.messages.filter((m: { author: string }) => m.author === 'CANDIDATE');
    // Stored without the quote and the signature: only what the candidate wrote.
    expect(inbound.map((m: { body: string }) => m.body)).toEqual(['Tuesday at 2pm works\n\nCasey']);
    // The booking's invitation (with its .ics) is the confirmation: one message, not two.
    const answers = (await agentMessages(conversation.id)).filter((m) => m.toAddress === email);
    expect(answers).toHaveLength(2);
    expect(answers[1]!.body).toContain(
      'When: Tuesday 8 December 2037, 14:00–14:30 (America/New_York)',
    );
    expect(answers[1]!.attachments?.[0]?.contentType).toContain('text/calendar');
    const events = await eventsOf(conversation.id);
    expect(events).toContain('CALENDAR_MEETING_SCHEDULED');
    expect(events).toContain('CONVERSATION_COMPLETED');

    // Booked, a new time moves the meeting by the same rules.
    await postEmail(
      rawReply({ from: email, to: replyTo, text: 'Can we do Thursday at 10am instead?' }),
    );
    const moved = await api.get(`/v1/conversations/${conversation.id}`);
    expect(moved.body.meeting.startDateTime).toBe('2037-12-10T15:00:00.000Z');
    expect(await eventsOf(conversation.id)).toContain('CALENDAR_MEETING_RESCHEDULED');

    // "I can't make it" asks first; YES cancels (cancelledBy CANDIDATE).
    await postEmail(rawReply({ from: email, to: replyTo, text: "Sorry, I can't make it" }));
    const asked = (await agentMessages(conversation.id)).at(-1)!;
    expect(asked.body).toContain('Do you want to cancel your interview?');
    expect((await api.get(`/v1/conversations/${conversation.id}`)).body.meeting.status).toBe(
      'SCHEDULED',
    );
    await postEmail(rawReply({ from: email, to: replyTo, text: 'Yes' }));
    const cancelled = await api.get(`/v1/conversations/${conversation.id}`);
    expect(cancelled.body.meeting).toMatchObject({ status: 'CANCELLED', cancelledBy: 'CANDIDATE' });
  });

  it('proposes 3 starts spread over "Thursday afternoon?", and "2" books the second', async () => {
    const { conversation, email, replyTo } = await started();
    await postEmail(rawReply({ from: email, to: replyTo, text: 'Thursday afternoon?' }));
    const proposal = (await agentMessages(conversation.id)).at(-1)!;
    expect(proposal.body).toContain('1. Thursday, December 10');
    expect(proposal.body.match(/^\d\. /gm)).toHaveLength(3);
    expect(proposal.body).toMatch(/1\. Thursday, December 10 at 12:00\s?PM EST/);
    expect(proposal.body).toMatch(/2\. Thursday, December 10 at 2:00\s?PM EST/);
    expect(proposal.body).toMatch(/3\. Thursday, December 10 at 4:30\s?PM EST/);
    let row = await api.get(`/v1/conversations/${conversation.id}`);
    expect(row.body.status).toBe('ONGOING');
    expect(row.body.meeting).toBeNull();

    setClock(MONDAY_10AM + 5 * 60_000);
    await postEmail(rawReply({ from: email, to: replyTo, text: '2' }));
    row = await api.get(`/v1/conversations/${conversation.id}`);
    expect(row.body.status).toBe('COMPLETED');
    expect(row.body.meeting.startDateTime).toBe('2037-12-10T19:00:00.000Z');
  });

  it('matches a reply by In-Reply-To when the reply address was lost, and answers a duplicate once', async () => {
    const { conversation, email, openingId } = await started();
    const raw = rawReply({
      from: email,
      to: 'scheduling@parley.localhost',
      text: 'Is the role open to remote candidates?',
      messageId: '<same-message@mail.example.com>',
      inReplyTo: openingId,
    });
    const first = await postEmail(raw);
    const second = await postEmail(raw);
    expect(first.body).toEqual({ status: 'HANDLED' });
    expect(second.body).toEqual({ status: 'DUPLICATE' });

    const after = await api.get(`/v1/conversations/${conversation.id}`);
    expect(after.body.needsReview).toBe(true);
    const inbound = (await thread(conversation.id)).filter((m) => m.direction === 'INBOUND');
    expect(inbound).toHaveLength(1);
    const answers = await agentMessages(conversation.id);
    // The opening and one holding reply: the duplicate was not answered again.
    expect(answers).toHaveLength(2);
    expect(answers[1]!.body).toContain('Someone from the team will get back to you');
    const events = await eventsOf(conversation.id);
    expect(events.filter((e) => e === 'CONVERSATION_NEEDS_REVIEW')).toHaveLength(1);
  });

  it('gives exactly one meeting when a reply races the booking page for the same start', async () => {
    const { conversation, email, replyTo, token } = await started();
    const [page, reply] = await Promise.all([
      call('POST', `/v1/booking/${token}`, { body: { start: '2037-12-08T19:00:00.000Z' } }),
      postEmail(rawReply({ from: email, to: replyTo, text: 'Tuesday at 2pm works' })),
    ]);
    expect(reply.status).toBe(200);
    expect([201, 409]).toContain(page.status);
    const meetings = await api.get(`/v1/conversations/${conversation.id}`);
    expect(meetings.body.meeting.startDateTime).toBe('2037-12-08T19:00:00.000Z');
    const scheduled = (await eventsOf(conversation.id)).filter(
      (e) => e === 'CALENDAR_MEETING_SCHEDULED',
    );
    expect(scheduled).toHaveLength(1);
  });

  it('stops for "please stop emailing me": OPTED_OUT, one confirmation, and a later conversation sends nothing', async () => {
    const { conversation, email, replyTo } = await started();
    await postEmail(rawReply({ from: email, to: replyTo, text: 'Please stop emailing me.' }));
    const after = await api.get(`/v1/conversations/${conversation.id}`);
    expect(after.body.status).toBe('OPTED_OUT');
    const answers = await agentMessages(conversation.id);
    expect(answers).toHaveLength(2);
    expect(answers[1]!.body).toContain("You're unsubscribed");
    expect(await eventsOf(conversation.id)).toContain('CONVERSATION_OPTED_OUT');

    // A reply after the opt-out is recorded and not answered.
    await postEmail(rawReply({ from: email, to: replyTo, text: 'Tuesday at 2pm works' }));
    expect(await agentMessages(conversation.id)).toHaveLength(2);

    const later = await api.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, { emailAddress: email.toUpperCase() }),
    );
    expect(later.status).toBe(201);
    expect(later.body.status).toBe('OPTED_OUT');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await agentMessages(later.body.id)).toHaveLength(0);
  });

  it('nudges on a fixed clock, reports the last nudge, then closes at the timeout', async () => {
    const nudging = await newCampaign(api, {
      channel: 'EMAIL',
      nudges: { count: 2, intervalHours: 24 },
      conversationTimeoutHours: 72,
    });
    campaignId = nudging;
    const { conversation } = await started();
    const db = getDb();
    await runDueFollowUps(db, new Date(MONDAY_10AM + 23 * HOUR));
    expect(await agentMessages(conversation.id)).toHaveLength(1);
    await runDueFollowUps(db, new Date(MONDAY_10AM + 24 * HOUR));
    let sent = await agentMessages(conversation.id);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.body).toContain('just checking in');
    await runDueFollowUps(db, new Date(MONDAY_10AM + 48 * HOUR));
    sent = await agentMessages(conversation.id);
    expect(sent).toHaveLength(3);
    expect(await eventsOf(conversation.id)).toContain('CONVERSATION_MAX_NUDGES_REACHED');
    await runDueFollowUps(db, new Date(MONDAY_10AM + 71 * HOUR));
    expect((await api.get(`/v1/conversations/${conversation.id}`)).body.status).toBe('ONGOING');
    await runDueFollowUps(db, new Date(MONDAY_10AM + 72 * HOUR));
    expect((await api.get(`/v1/conversations/${conversation.id}`)).body.status).toBe('CLOSED');
    expect(await agentMessages(conversation.id)).toHaveLength(3);
  });

  it('stays silent while taken over (no nudges, replies only recorded), and resumes on handback', async () => {
    const { conversation, email, replyTo } = await started();
    const taken = await api.post(`/v1/conversations/${conversation.id}/takeover`, {});
    expect(taken.status).toBe(200);
    expect(taken.body.isHumanTakeover).toBe(true);
    await runDueFollowUps(getDb(), new Date(MONDAY_10AM + 30 * HOUR));
    await postEmail(rawReply({ from: email, to: replyTo, text: 'Thursday afternoon?' }));
    expect(await agentMessages(conversation.id)).toHaveLength(1);

    const written = await api.post(`/v1/conversations/${conversation.id}/messages`, {
      body: 'Hi Casey, this is Dana from Acme. Thursday at 1pm?',
    });
    expect(written.status, JSON.stringify(written.body)).toBe(201);
    expect(written.body).toMatchObject({
      author: 'HUMAN',
      direction: 'OUTBOUND',
      channel: 'EMAIL',
    });

    const list = await api.get(`/v1/conversations/${conversation.id}/messages?limit=2`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((m: { author: string }) => m.author)).toEqual(['AGENT', 'CANDIDATE']);
    const rest = await api.get(
      `/v1/conversations/${conversation.id}/messages?cursor=${list.body.nextCursor}`,
    );
    expect(rest.body.data.map((m: { author: string }) => m.author)).toEqual(['HUMAN']);
    expect(rest.body.nextCursor).toBeNull();

    const back = await api.post(`/v1/conversations/${conversation.id}/handback`, {});
    expect(back.body.isHumanTakeover).toBe(false);
    setClock(MONDAY_10AM + 31 * HOUR);
    await postEmail(rawReply({ from: email, to: replyTo, text: 'Thursday at 1pm works' }));
    const done = await api.get(`/v1/conversations/${conversation.id}`);
    expect(done.body.meeting.startDateTime).toBe('2037-12-10T18:00:00.000Z');
  });

  it('reminds the candidate a day before, and the reminder moves with a reschedule and drops with a cancel', async () => {
    const { conversation, email, replyTo, token } = await started();
    await postEmail(rawReply({ from: email, to: replyTo, text: 'Tuesday at 2pm works' }));
    const { body } = await api.get(`/v1/conversations/${conversation.id}`);
    const meetingId = body.meeting.id as string;
    const reminders = async () =>
      executeRows<{ start_after: string; data: { startAt: string } }>(
        getDb(),
        sql`select start_after, data from pgboss.job where name = 'meetings.remind'
            and data->>'meetingId' = ${meetingId} order by created_on`,
      );
    let jobs = await reminders();
    expect(jobs.map((j) => [new Date(j.start_after).toISOString(), j.data.startAt])).toEqual([
      ['2037-12-07T19:00:00.000Z', '2037-12-08T19:00:00.000Z'],
    ]);

    const moved = await call('POST', `/v1/booking/${token}/reschedule`, {
      body: { start: '2037-12-10T15:00:00.000Z' },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    jobs = await reminders();
    expect(jobs.map((j) => j.data.startAt)).toEqual([
      '2037-12-08T19:00:00.000Z',
      '2037-12-10T15:00:00.000Z',
    ]);
    const remind = (startAt: string) =>
      sendMeetingReminder(getDb(), {
        organizationId: api.auth.organizationId,
        meetingId,
        startAt,
        now: new Date(Date.UTC(2037, 11, 9, 15, 0)),
      });
    const before = (await agentMessages(conversation.id)).length;
    // The old start's job finds the meeting moved: nothing.
    expect(await remind('2037-12-08T19:00:00.000Z')).toBe(false);
    expect(await remind('2037-12-10T15:00:00.000Z')).toBe(true);
    // Run twice (a retried job): still one reminder.
    expect(await remind('2037-12-10T15:00:00.000Z')).toBe(false);
    const sent = (await agentMessages(conversation.id)).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toBe(
      `Reminder: your interview is Thursday, December 10 at 10:00 AM EST. Need another time? ${conversation.bookingUrl}`,
    );
    expect(sent[0]!.toAddress).toBe(email);

    await call('POST', `/v1/booking/${token}/cancel`, { body: {} });
    await executeRows(
      getDb(),
      sql`update meetings set reminder_sent_for = null where id = ${meetingId}`,
    );
    expect(await remind('2037-12-10T15:00:00.000Z')).toBe(false);
  });

  it('refuses a wrong bearer token (403) or a body that is not a message (400), storing nothing', async () => {
    const { conversation, email, replyTo } = await started();
    const wrong = await postEmail(
      rawReply({ from: email, to: replyTo, text: 'Tuesday at 2pm works' }),
      'not-the-secret-at-all-000',
    );
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('forbidden');
    const json = await call('POST', '/webhooks/email', {
      body: { text: 'hi' },
      headers: { authorization: `Bearer ${TEST_INBOUND_SECRET}` },
    });
    expect(json.status).toBe(400);
    const unknown = await postEmail(
      rawReply({ from: uniqueEmail('stranger'), to: 'someone@example.com', text: 'hello' }),
    );
    expect(unknown.body).toEqual({ status: 'UNMATCHED' });
    const inbound = await getDb()
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, 'INBOUND')));
    expect(inbound).toHaveLength(0);
  });
});
