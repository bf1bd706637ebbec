import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runAvailabilityRequests } from '@/lib/server/services/availability/run-availability-requests';
import { getDb } from '@/lib/server/db/client';
import { messages } from '@/lib/server/db/schema/conversations';
import { eventOutbox } from '@/lib/server/db/schema/outbox';
import { markMessageFailed } from '@/lib/server/channels/message-failed';
import { sweepUnstartedConversations } from '@/lib/server/services/conversations/sweep-unstarted';
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
} from '../support/factories';

async function eventsOf(conversationId: string) {
  const rows = await getDb()
    .select()
    .from(eventOutbox)
    .where(eq(eventOutbox.conversationId, conversationId));
  return rows.map((r) => r.eventType);
}

async function ongoing(api: Client, id: string) {
  return eventually(async () => {
    const res = await api.get(`/v1/conversations/${id}`);
    return res.body.status === 'ONGOING' ? res.body : null;
  });
}

describe('conversation lifecycle', () => {
  it('starts by email: the opening message carries the booking link; ONGOING; CONVERSATION_STARTED', async () => {
    const api = await newOrganization();
    const campaignId = await newCampaign(api, {
      channel: 'EMAIL',
      agentName: 'Ava',
      agentTone: 'PROFESSIONAL',
      company: 'Acme',
    });
    const created = await api.post('/v1/scheduling/conversations', schedulingBody(campaignId));
    expect(created.body.status).toBe('CREATED');
    const started = await ongoing(api, created.body.id);
    expect(started.messages).toHaveLength(1);
    expect(started.messages[0]).toMatchObject({
      direction: 'OUTBOUND',
      channel: 'EMAIL',
      status: 'SENT',
    });
    expect(started.messages[0].body).toContain(created.body.bookingUrl);
    expect(started.messages[0].body).toMatch(/^Hello Casey,/);
    const [row] = await getDb()
      .select()
      .from(messages)
      .where(eq(messages.conversationId, created.body.id));
    expect(row).toMatchObject({
      toAddress: created.body.emailAddress,
      subject: 'Your interview with Acme',
      transport: 'dev',
    });
    expect(await eventsOf(created.body.id)).toContain('CONVERSATION_STARTED');
  });

  it('texts an SMS candidate with the opt-out, and asks an auto-collect interviewer for times', async () => {
    const api = await newOrganization();
    const campaignId = await newCampaign(api, { channel: 'SMS' });
    const created = await api.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, {
        meetingParticipants: [
          interviewer({ availability: undefined, autoCollectAvailability: true }),
        ],
      }),
    );
    await ongoing(api, created.body.id);
    const sent = await getDb()
      .select()
      .from(messages)
      .where(eq(messages.conversationId, created.body.id));
    const sms = sent.find((m) => m.channel === 'SMS')!;
    expect(sms.toAddress).toBe(created.body.phoneNumber);
    expect(sms.body).toContain('Reply STOP to opt out.');
    expect(sms.body).toContain('send you times');
    // The interviewer's request is their own (one per person), emailed by the sweep after a minute.
    expect(sent.filter((m) => m.channel === 'EMAIL')).toHaveLength(0);
    await runAvailabilityRequests(getDb(), new Date(Date.now() + 2 * 60_000));
    const [request] = await getDb()
      .select()
      .from(messages)
      .where(eq(messages.toAddress, created.body.meetingParticipants[0].email));
    expect(request!.subject).toBe('When are you free to interview? (1 waiting)');
    expect(request!.conversationId).toBeNull();
  });

  it('sends nothing in a DRAFT campaign, and starts once the campaign is LIVE', async () => {
    const api = await newOrganization();
    const campaignId = await newCampaign(api, { channel: 'EMAIL', status: 'DRAFT' });
    const created = await api.post('/v1/scheduling/conversations', schedulingBody(campaignId));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const draft = await api.get(`/v1/conversations/${created.body.id}`);
    expect(draft.body).toMatchObject({ status: 'CREATED', messages: [] });
    await api.patch(`/v1/campaigns/${campaignId}`, { status: 'LIVE' });
    // The minute sweep picks it up (called here with a clock a minute ahead).
    expect(
      await sweepUnstartedConversations(getDb(), new Date(Date.now() + 60_000)),
    ).toBeGreaterThanOrEqual(1);
    await ongoing(api, created.body.id);
  });

  it('completes when the candidate books, lets the next queued conversation start, and can still be closed', async () => {
    const api = await newOrganization();
    const campaignId = await newCampaign(api, { channel: 'EMAIL' });
    const day = dateInDays(5);
    const body = () =>
      schedulingBody(campaignId, {
        emailAddress: 'same.candidate@example.com',
        meetingParticipants: [
          interviewer({
            availability: {
              timezone: 'UTC',
              timeSlots: [{ date: day, startTime: '09:00', endTime: '12:00' }],
            },
          }),
        ],
        meetingConfiguration: meetingConfiguration({ timezone: 'UTC' }),
      });
    const first = await api.post('/v1/scheduling/conversations', body());
    const second = await api.post('/v1/scheduling/conversations', body());
    expect(second.body.status).toBe('QUEUED');
    const booked = await call('POST', `/v1/booking/${tokenOf(first.body)}`, {
      body: { start: `${day}T09:00:00.000Z` },
    });
    expect(booked.status).toBe(201);
    const completed = await api.get(`/v1/conversations/${first.body.id}`);
    expect(completed.body).toMatchObject({ status: 'COMPLETED', schedulingStatus: 'SCHEDULED' });
    expect(await eventsOf(first.body.id)).toEqual(
      expect.arrayContaining(['CALENDAR_MEETING_SCHEDULED', 'CONVERSATION_COMPLETED']),
    );
    await ongoing(api, second.body.id);

    // The candidate may still move the meeting; closing cancels it.
    const closed = await api.post(`/v1/conversations/${first.body.id}/close`);
    expect(closed.body).toMatchObject({
      status: 'CLOSED',
      schedulingStatus: 'CANCELLED',
      meeting: { status: 'CANCELLED' },
    });
  });

  it('marks the conversation DELIVERY_FAILED when its opening message finally fails', async () => {
    const api = await newOrganization();
    const campaignId = await newCampaign(api, { channel: 'EMAIL' });
    const created = await api.post('/v1/scheduling/conversations', schedulingBody(campaignId));
    await ongoing(api, created.body.id);
    // As if the provider had refused the opening email on every retry (the dead-letter job).
    const [opening] = await getDb()
      .update(messages)
      .set({ status: 'QUEUED', error: 'Resend refused the email: invalid recipient' })
      .where(and(eq(messages.conversationId, created.body.id), eq(messages.direction, 'OUTBOUND')))
      .returning();
    await markMessageFailed(getDb(), {
      organizationId: opening!.organizationId,
      messageId: opening!.id,
      now: new Date(),
    });
    const failed = await api.get(`/v1/conversations/${created.body.id}`);
    expect(failed.body.status).toBe('DELIVERY_FAILED');
    expect(failed.body.messages[0].status).toBe('FAILED');
    const [event] = await getDb()
      .select()
      .from(eventOutbox)
      .where(
        and(
          eq(eventOutbox.conversationId, created.body.id),
          eq(eventOutbox.eventType, 'START_CONVERSATION_FAILED'),
        ),
      );
    expect(event!.payload.data).toMatchObject({
      conversationStatus: 'DELIVERY_FAILED',
      reason: 'Resend refused the email: invalid recipient',
    });
    // An ended conversation's link no longer books.
    expect((await call('GET', `/v1/booking/${tokenOf(created.body)}`)).body.canBook).toBe(false);
  });
});
