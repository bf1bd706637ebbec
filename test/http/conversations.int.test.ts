import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { eventOutbox } from '@/lib/server/db/schema/outbox';
import { baseUrl, type Client } from '../support/api';
import {
  campaignBody,
  eventually,
  interviewer,
  meetingConfiguration,
  newCampaign,
  newOrganization,
  schedulingBody,
  uniqueEmail,
  uniquePhone,
} from '../support/factories';

describe('conversations', () => {
  let api: Client;
  let campaignId: string;

  beforeAll(async () => {
    api = await newOrganization();
    campaignId = await newCampaign(api, { company: 'Globex', position: 'Data Engineer' });
  });

  it('starts an auto-schedule conversation and returns the documented shape', async () => {
    const body = schedulingBody(campaignId, { externalId: 'ats-123' });
    const res = await api.post('/v1/scheduling/conversations', body);
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'id',
        'status',
        'schedulingStatus',
        'campaignId',
        'firstName',
        'lastName',
        'phoneNumber',
        'emailAddress',
        'externalId',
        'bookingUrl',
        'meetingParticipants',
        'meetingConfiguration',
        'needsReview',
        'isHumanTakeover',
        'candidateTimezone',
        'shouldSendDuringBusinessHours',
        'applicationSource',
        'availabilityMethod',
        'createdAt',
        'updatedAt',
      ].sort(),
    );
    expect(res.body).toMatchObject({
      status: 'CREATED',
      schedulingStatus: 'LINK_SENT',
      campaignId,
      firstName: 'Casey',
      lastName: 'Candidate',
      phoneNumber: body.phoneNumber,
      emailAddress: body.emailAddress,
      externalId: 'ats-123',
      availabilityMethod: 'COLLECTIVE',
      shouldSendDuringBusinessHours: false,
      applicationSource: null,
    });
    expect(res.body.meetingConfiguration.title).toBe(
      'Interview with Casey Candidate for Data Engineer',
    );
    expect(res.body.meetingParticipants).toEqual([
      {
        ...body.meetingParticipants[0],
        isCalendarConnected: false,
        autoCollectAvailability: false,
        maxMeetingsPerDay: null,
        maxMeetingsPerWeek: null,
      },
    ]);
    // bookingUrl = APP_URL/book/<token>, token of at least 128 random bits.
    const url = new URL(res.body.bookingUrl);
    expect(url.origin).toBe(await baseUrl());
    const token = url.pathname.replace('/book/', '');
    expect(url.pathname).toMatch(/^\/book\/[A-Za-z0-9_-]+$/);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
  });

  it('reads a conversation back with its messages and meeting', async () => {
    const created = await api.post('/v1/scheduling/conversations', schedulingBody(campaignId));
    const read = await api.get(`/v1/conversations/${created.body.id}`);
    expect(read.status).toBe(200);
    // The agent may have started it since (status ONGOING and its opening message).
    expect(read.body).toMatchObject({
      ...created.body,
      status: expect.stringMatching(/^(CREATED|ONGOING)$/),
      updatedAt: expect.any(String),
    });
    expect(Array.isArray(read.body.messages)).toBe(true);
    expect(read.body.meeting).toBeNull();
  });

  it('fills every template variable in the title', async () => {
    const res = await api.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, {
        firstName: 'Ada',
        lastName: 'Lovelace',
        meetingConfiguration: meetingConfiguration({
          title: '{{firstName}} / {{candidateName}} / {{position}} at {{company}}',
        }),
      }),
    );
    expect(res.body.meetingConfiguration.title).toBe(
      'Ada / Ada Lovelace / Data Engineer at Globex',
    );
  });

  it("uses the campaign's meeting template for POST /v1/conversations", async () => {
    const participants = [interviewer({ name: 'Template Person' })];
    const template = await api.post('/v1/meeting-templates', {
      name: 'Screen',
      meetingParticipants: participants,
      meetingConfiguration: meetingConfiguration({
        title: 'Screen: {{candidateName}}',
        duration: 45,
      }),
    });
    const templated = await newCampaign(api, {
      calendarMeetingTemplateId: template.body.id,
      channel: 'EMAIL',
    });
    const res = await api.post('/v1/conversations', {
      campaignId: templated,
      firstName: 'Grace',
      lastName: 'Hopper',
      emailAddress: uniqueEmail(),
    });
    expect(res.status).toBe(201);
    expect(res.body.schedulingStatus).toBe('LINK_SENT');
    expect(res.body.bookingUrl).toMatch(/\/book\//);
    expect(res.body.meetingConfiguration).toMatchObject({
      title: 'Screen: Grace Hopper',
      duration: 45,
      slotInterval: 30,
    });
    expect(res.body.meetingParticipants[0].name).toBe('Template Person');
  });

  it('starts a regular conversation when the campaign has no template', async () => {
    const regular = await newCampaign(api, {
      closingMethod: 'PHONE_NUMBER',
      contactNumber: '+14155550199',
    });
    const res = await api.post('/v1/conversations', {
      campaignId: regular,
      firstName: 'Linus',
      phoneNumber: uniquePhone(),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'CREATED',
      schedulingStatus: null,
      bookingUrl: null,
      meetingParticipants: [],
      meetingConfiguration: null,
    });
  });

  it('is AWAITING_AVAILABILITY when a participant auto-collects', async () => {
    const res = await api.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, {
        meetingParticipants: [
          interviewer({ availability: undefined, autoCollectAvailability: true }),
        ],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.schedulingStatus).toBe('AWAITING_AVAILABILITY');
    expect(res.body.meetingParticipants[0]).toMatchObject({
      autoCollectAvailability: true,
      availability: null,
    });
  });

  it('queues a second conversation with the same contact until the first ends', async () => {
    const phoneNumber = uniquePhone();
    const first = await api.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, { phoneNumber }),
    );
    const second = await api.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, { phoneNumber }),
    );
    expect(first.body.status).toBe('CREATED');
    expect(second.body.status).toBe('QUEUED');
    const closed = await api.post(`/v1/conversations/${first.body.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('CLOSED');
    // Released from the queue, it starts like a new conversation.
    await eventually(
      async () => (await api.get(`/v1/conversations/${second.body.id}`)).body.status === 'ONGOING',
    );
  });

  it('lets exactly one of many concurrent conversations with one contact talk; the rest queue', async () => {
    const emailAddress = uniqueEmail('same');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.post(
          '/v1/scheduling/conversations',
          schedulingBody(campaignId, { emailAddress, phoneNumber: `+1999555${1000 + i}` }),
        ),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const statuses = results.map((r) => r.body.status).sort();
    expect(statuses.filter((s) => s === 'CREATED')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'QUEUED')).toHaveLength(9);
  });

  it('closes a conversation once; closing again changes nothing', async () => {
    const created = await api.post('/v1/scheduling/conversations', schedulingBody(campaignId));
    const first = await api.post(`/v1/conversations/${created.body.id}/close`);
    const again = await api.post(`/v1/conversations/${created.body.id}/close`);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('CLOSED');
    expect(again.body.updatedAt).toBe(first.body.updatedAt);
    expect(
      (await api.post('/v1/conversations/00000000-0000-4000-8000-000000000000/close')).status,
    ).toBe(404);
  });

  it('records no event for a conversation that only changed status without a meeting', async () => {
    const created = await api.post('/v1/scheduling/conversations', schedulingBody(campaignId));
    await api.post(`/v1/conversations/${created.body.id}/close`);
    const events = await getDb()
      .select()
      .from(eventOutbox)
      .where(eq(eventOutbox.conversationId, created.body.id));
    expect(events.filter((e) => e.eventType.startsWith('CALENDAR_MEETING'))).toEqual([]);
  });

  it('lists with filters and cursor pagination', async () => {
    const org = await newOrganization('Lists');
    // DRAFT campaigns send nothing, so the conversations stay CREATED while the test filters.
    const a = await newCampaign(org, { status: 'DRAFT' });
    const b = await newCampaign(org, campaignBody({ campaignTitle: 'Other', status: 'DRAFT' }));
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await org.post(
        '/v1/scheduling/conversations',
        schedulingBody(i < 3 ? a : b, { externalId: `ext-${i % 2}` }),
      );
      ids.push(res.body.id);
    }
    await org.post(`/v1/conversations/${ids[0]}/close`);

    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await org.get(
        `/v1/conversations?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      all.push(...page.body.data.map((c: { id: string }) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(all).toEqual([...ids].reverse());

    const byCampaign = await org.get(`/v1/conversations?campaignId=${b}`);
    expect(byCampaign.body.data.map((c: { id: string }) => c.id)).toEqual([ids[4], ids[3]]);
    const byExternal = await org.get('/v1/conversations?externalId=ext-0');
    expect(byExternal.body.data.map((c: { id: string }) => c.id)).toEqual([ids[4], ids[2], ids[0]]);
    const closed = await org.get('/v1/conversations?status=CLOSED');
    expect(closed.body.data.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    const combined = await org.get(
      `/v1/conversations?status=CREATED&campaignId=${a}&externalId=ext-1`,
    );
    expect(combined.body.data.map((c: { id: string }) => c.id)).toEqual([ids[1]]);
    expect(combined.body.data[0].meetingParticipants).toHaveLength(1);

    for (const bad of ['status=DONE', 'campaignId=xyz', 'limit=1000', 'cursor=%%%']) {
      const res = await org.get(`/v1/conversations?${bad}`);
      expect(res.status, bad).toBe(400);
    }
  });
});
