import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/api';
import { campaignBody, newOrganization, schedulingBody } from '../support/factories';

describe('campaigns', () => {
  let api: Client;

  beforeAll(async () => {
    api = await newOrganization();
  });

  it('creates a campaign with defaults filled and reads it back', async () => {
    const res = await api.post('/v1/campaigns', { campaignTitle: 'Nurses', channel: 'WHATSAPP' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      campaignTitle: 'Nurses',
      channel: 'WHATSAPP',
      campaignType: 'SCHEDULING',
      closingMethod: 'CALENDAR_MEETING_INTEGRATION',
      agentTone: 'FRIENDLY',
      conversationTimeoutHours: 48,
      status: 'LIVE',
      questions: [],
      calendarMeetingTemplateId: null,
      language: 'en',
      closingMessage: null,
      rejectionMessage: null,
      agentInstructions: null,
      nudges: { count: 2, intervalHours: 24 },
    });
    expect(res.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const read = await api.get(`/v1/campaigns/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  it.each([
    ['campaignTitle is missing', { channel: 'SMS' }, 'campaignTitle'],
    ['campaignTitle is empty', { campaignTitle: '   ', channel: 'SMS' }, 'campaignTitle'],
    ['channel is missing', { campaignTitle: 'x' }, 'channel'],
    ['channel is unknown', { campaignTitle: 'x', channel: 'FAX' }, 'channel'],
    [
      'campaignType is unknown',
      { campaignTitle: 'x', channel: 'SMS', campaignType: 'OTHER' },
      'campaignType',
    ],
    [
      'CUSTOM has no customMessage',
      { campaignTitle: 'x', channel: 'SMS', closingMethod: 'CUSTOM' },
      'customMessage',
    ],
    [
      'PHONE_NUMBER has no contactNumber',
      { campaignTitle: 'x', channel: 'SMS', closingMethod: 'PHONE_NUMBER' },
      'contactNumber',
    ],
    [
      'contactNumber is not E.164',
      {
        campaignTitle: 'x',
        channel: 'SMS',
        closingMethod: 'PHONE_NUMBER',
        contactNumber: '555-1234',
      },
      'contactNumber',
    ],
    [
      'MEETING_URL has no meetingUrl',
      { campaignTitle: 'x', channel: 'SMS', closingMethod: 'MEETING_URL' },
      'meetingUrl',
    ],
    [
      'meetingUrl is not http(s)',
      {
        campaignTitle: 'x',
        channel: 'SMS',
        closingMethod: 'MEETING_URL',
        meetingUrl: 'javascript:alert(1)',
      },
      'meetingUrl',
    ],
    [
      'agentTone is unknown',
      { campaignTitle: 'x', channel: 'SMS', agentTone: 'RUDE' },
      'agentTone',
    ],
    [
      'conversationTimeoutHours < 24',
      { campaignTitle: 'x', channel: 'SMS', conversationTimeoutHours: 23 },
      'conversationTimeoutHours',
    ],
    [
      'conversationTimeoutHours is fractional',
      { campaignTitle: 'x', channel: 'SMS', conversationTimeoutHours: 30.5 },
      'conversationTimeoutHours',
    ],
    ['status is unknown', { campaignTitle: 'x', channel: 'SMS', status: 'PAUSED' }, 'status'],
    ['language is unknown', { campaignTitle: 'x', channel: 'SMS', language: 'it' }, 'language'],
    ['language is a locale', { campaignTitle: 'x', channel: 'SMS', language: 'en-US' }, 'language'],
    [
      'questions is not a list of strings',
      { campaignTitle: 'x', channel: 'SMS', questions: [1] },
      'questions.0',
    ],
    [
      'calendarMeetingTemplateId is not a UUID',
      { campaignTitle: 'x', channel: 'SMS', calendarMeetingTemplateId: 'abc' },
      'calendarMeetingTemplateId',
    ],
  ])('refuses a campaign where %s', async (_, body, path) => {
    const res = await api.post('/v1/campaigns', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('speaks each of its five languages, and changes language by PATCH', async () => {
    for (const language of ['en', 'es', 'fr', 'de', 'pt']) {
      const res = await api.post('/v1/campaigns', campaignBody({ language }));
      expect(res.status).toBe(201);
      expect(res.body.language).toBe(language);
    }
    const created = await api.post('/v1/campaigns', campaignBody());
    const patched = await api.patch(`/v1/campaigns/${created.body.id}`, { language: 'fr' });
    expect(patched.body.language).toBe('fr');
    expect((await api.get(`/v1/campaigns/${created.body.id}`)).body.language).toBe('fr');
  });

  it("keeps the agent's messages, instructions and nudges; a nudges patch changes what it names", async () => {
    const created = await api.post(
      '/v1/campaigns',
      campaignBody({
        closingMessage: 'Thanks, we will be in touch.',
        rejectionMessage: 'Thank you for your time.',
        agentInstructions: 'Pay is 30 EUR an hour; shifts are at night.',
        nudges: { count: 4 },
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      closingMessage: 'Thanks, we will be in touch.',
      rejectionMessage: 'Thank you for your time.',
      agentInstructions: 'Pay is 30 EUR an hour; shifts are at night.',
      nudges: { count: 4, intervalHours: 24 },
    });
    const patched = await api.patch(`/v1/campaigns/${created.body.id}`, {
      nudges: { intervalHours: 8 },
      closingMessage: null,
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.nudges).toEqual({ count: 4, intervalHours: 8 });
    expect(patched.body.closingMessage).toBeNull();
    expect((await api.get(`/v1/campaigns/${created.body.id}`)).body).toEqual(patched.body);

    for (const [body, path] of [
      [{ agentInstructions: 'too short' }, 'agentInstructions'],
      [{ nudges: { count: 6 } }, 'nudges.count'],
      [{ nudges: { intervalHours: 3 } }, 'nudges.intervalHours'],
      [{ nudges: { count: 1.5 } }, 'nudges.count'],
      [{ nudges: null }, 'nudges'],
    ] as const) {
      const refused = await api.post('/v1/campaigns', campaignBody(body));
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
  });

  it('accepts each closing method with its field', async () => {
    for (const extra of [
      { closingMethod: 'CUSTOM', customMessage: 'We will call you.' },
      { closingMethod: 'PHONE_NUMBER', contactNumber: '+14155550100' },
      { closingMethod: 'MEETING_URL', meetingUrl: 'https://example.com/room' },
    ]) {
      const res = await api.post('/v1/campaigns', campaignBody(extra));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject(extra);
    }
  });

  it('updates only the fields given and re-checks the merged campaign', async () => {
    const created = await api.post(
      '/v1/campaigns',
      campaignBody({ questions: ['Do you have a licence?'] }),
    );
    const patched = await api.patch(`/v1/campaigns/${created.body.id}`, {
      campaignTitle: 'Renamed',
      status: 'DRAFT',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      campaignTitle: 'Renamed',
      status: 'DRAFT',
      questions: ['Do you have a licence?'],
    });
    expect(new Date(patched.body.updatedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(created.body.updatedAt).getTime(),
    );

    const bad = await api.patch(`/v1/campaigns/${created.body.id}`, { closingMethod: 'CUSTOM' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('customMessage');
    expect((await api.get(`/v1/campaigns/${created.body.id}`)).body.closingMethod).toBe(
      'CALENDAR_MEETING_INTEGRATION',
    );

    expect((await api.patch(`/v1/campaigns/${created.body.id}`, {})).status).toBe(400);
    expect(
      (await api.patch(`/v1/campaigns/${created.body.id}`, { campaignTitle: null })).status,
    ).toBe(400);
    const cleared = await api.patch(`/v1/campaigns/${created.body.id}`, { company: null });
    expect(cleared.body.company).toBeNull();
  });

  it('links a meeting template and refuses an unknown one', async () => {
    const base = schedulingBody('00000000-0000-4000-8000-000000000000');
    const template = await api.post('/v1/meeting-templates', {
      name: 'Onsite',
      meetingParticipants: base.meetingParticipants,
      meetingConfiguration: base.meetingConfiguration,
    });
    const linked = await api.post(
      '/v1/campaigns',
      campaignBody({ calendarMeetingTemplateId: template.body.id }),
    );
    expect(linked.status).toBe(201);
    expect(linked.body.calendarMeetingTemplateId).toBe(template.body.id);
    const unknown = await api.post(
      '/v1/campaigns',
      campaignBody({ calendarMeetingTemplateId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details[0].path).toBe('calendarMeetingTemplateId');
  });

  it('refuses screening questions on a campaign with a meeting template (DESIGN §3)', async () => {
    const base = schedulingBody('00000000-0000-4000-8000-000000000000');
    const template = await api.post('/v1/meeting-templates', {
      name: 'Phone screen',
      meetingParticipants: base.meetingParticipants,
      meetingConfiguration: base.meetingConfiguration,
    });
    const both = await api.post(
      '/v1/campaigns',
      campaignBody({ calendarMeetingTemplateId: template.body.id, questions: ['Licence?'] }),
    );
    expect(both.status).toBe(400);
    expect(both.body.error.details[0].path).toBe('questions');
    const withQuestions = await api.post(
      '/v1/campaigns',
      campaignBody({ questions: ['Licence?'] }),
    );
    const patched = await api.patch(`/v1/campaigns/${withQuestions.body.id}`, {
      calendarMeetingTemplateId: template.body.id,
    });
    expect(patched.status).toBe(400);
    expect(patched.body.error.details[0].path).toBe('questions');
  });

  it('archives a deleted campaign: gone from reads, lists and new conversations', async () => {
    const created = await api.post('/v1/campaigns', campaignBody());
    const deleted = await api.delete(`/v1/campaigns/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBe('');
    expect((await api.get(`/v1/campaigns/${created.body.id}`)).status).toBe(404);
    expect((await api.delete(`/v1/campaigns/${created.body.id}`)).status).toBe(404);
    const list = await api.get('/v1/campaigns?limit=100');
    expect(list.body.data.map((c: { id: string }) => c.id)).not.toContain(created.body.id);
    expect(
      (await api.post('/v1/scheduling/conversations', schedulingBody(created.body.id))).status,
    ).toBe(404);
  });

  it('answers 404 for a malformed or unknown id', async () => {
    expect((await api.get('/v1/campaigns/not-a-uuid')).status).toBe(404);
    expect((await api.get('/v1/campaigns/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('pages through campaigns newest first and filters by status', async () => {
    const org = await newOrganization('Pager');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await org.post(
        '/v1/campaigns',
        campaignBody({ campaignTitle: `C${i}`, status: i % 2 ? 'DRAFT' : 'LIVE' }),
      );
      ids.push(res.body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: any = await org.get(`/v1/campaigns?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.data.map((c: { id: string }) => c.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    const drafts = await org.get('/v1/campaigns?status=DRAFT');
    expect(drafts.body.data).toHaveLength(3);
    expect(drafts.body.data.every((c: { status: string }) => c.status === 'DRAFT')).toBe(true);
    for (const bad of ['limit=0', 'limit=101', 'limit=abc', 'cursor=zzz', 'status=OPEN']) {
      const res = await org.get(`/v1/campaigns?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
    }
  });
});
