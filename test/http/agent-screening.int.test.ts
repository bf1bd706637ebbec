import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { conversations, messages } from '@/lib/server/db/schema/conversations';
import { eventOutbox } from '@/lib/server/db/schema/outbox';
import { call, type Client } from '../support/api';
import { TEST_INBOUND_DOMAIN, TEST_INBOUND_SECRET } from '../support/app';
import { eventually, newCampaign, newOrganization, uniqueEmail } from '../support/factories';

/**
 * Screening in a regular conversation (DESIGN §7): the campaign's questions one by one, answers
 * read in its language, the first failed knockout ends it COMPLETED_SCREENING_FAILED with the
 * rejection message, else COMPLETED_SCREENING_PASSED with the closing message and method.
 */
const questions = [
  { text: 'Are you authorized to work in the US?', kind: 'YES_NO', knockout: { expected: 'YES' } },
  { text: 'How many years of TypeScript have you written?', kind: 'NUMBER', knockout: { min: 2 } },
  'What is your notice period?',
];

async function agentMessages(conversationId: string) {
  const rows = await getDb()
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.id));
  return rows.filter((m) => m.direction === 'OUTBOUND').map((m) => m.body);
}

async function start(api: Client, campaignId: string) {
  const created = await api.post('/v1/conversations', {
    campaignId,
    firstName: 'Robin',
    emailAddress: uniqueEmail('robin'),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  await eventually(async () => (await agentMessages(created.body.id)).length === 1);
  const [row] = await getDb()
    .select()
    .from(conversations)
    .where(eq(conversations.id, created.body.id));
  const answer = async (text: string) => {
    const res = await call('POST', '/webhooks/email', {
      rawBody: [
        `From: Robin <${created.body.emailAddress}>`,
        `To: reply+${row!.replyToken}@${TEST_INBOUND_DOMAIN}`,
        'Subject: Re: Your interview',
        `Message-ID: <${Math.random().toString(36).slice(2)}@mail.example.com>`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        text,
      ].join('\r\n'),
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${TEST_INBOUND_SECRET}` },
    });
    expect(res.body).toEqual({ status: 'HANDLED' });
  };
  return { id: created.body.id as string, answer };
}

describe('screening questions', () => {
  it('asks each question in turn and passes with the closing message and method', async () => {
    const api = await newOrganization();
    const campaignId = await newCampaign(api, {
      channel: 'EMAIL',
      questions,
      closingMethod: 'PHONE_NUMBER',
      contactNumber: '+14155550100',
      closingMessage: 'Thanks! A recruiter will call you this week:',
    });
    const { id, answer } = await start(api, campaignId);
    expect((await agentMessages(id))[0]).toContain('Are you authorized to work in the US?');

    await answer('Yes, I am');
    expect((await agentMessages(id)).at(-1)).toBe('How many years of TypeScript have you written?');
    await answer('about 5 years');
    expect((await agentMessages(id)).at(-1)).toBe('What is your notice period?');
    await answer('Two weeks');
    expect((await agentMessages(id)).at(-1)).toBe(
      'Thanks! A recruiter will call you this week: +14155550100',
    );
    const done = await api.get(`/v1/conversations/${id}`);
    expect(done.body.status).toBe('COMPLETED_SCREENING_PASSED');
    const [event] = await getDb()
      .select()
      .from(eventOutbox)
      .where(eq(eventOutbox.conversationId, id))
      .then((rows) => rows.filter((r) => r.eventType === 'CONVERSATION_COMPLETED'));
    expect((event!.payload as { data: unknown }).data).toMatchObject({
      conversationStatus: 'COMPLETED_SCREENING_PASSED',
      screeningQuestionsOutcome: [
        { question: 'Are you authorized to work in the US?', answer: 'YES', passed: true },
        { question: 'How many years of TypeScript have you written?', answer: '5', passed: true },
        { question: 'What is your notice period?', answer: 'Two weeks', passed: true },
      ],
    });
  });

  it('asks again when a yes/no question gets neither, and ends at the first failed knockout', async () => {
    const api = await newOrganization();
    const campaignId = await newCampaign(api, {
      channel: 'EMAIL',
      language: 'es',
      questions,
      rejectionMessage: 'Gracias por tu tiempo; esta vez no seguiremos adelante.',
    });
    const { id, answer } = await start(api, campaignId);
    await answer('quizás');
    expect((await agentMessages(id)).at(-1)).toBe(
      'Perdona, no te he entendido. Are you authorized to work in the US?',
    );
    await answer('sí');
    await answer('1');
    expect((await agentMessages(id)).at(-1)).toBe(
      'Gracias por tu tiempo; esta vez no seguiremos adelante.',
    );
    const done = await api.get(`/v1/conversations/${id}`);
    expect(done.body.status).toBe('COMPLETED_SCREENING_FAILED');
    // Ended: a later answer is recorded and not answered.
    const count = (await agentMessages(id)).length;
    await answer('Two weeks');
    expect(await agentMessages(id)).toHaveLength(count);
  });

  it('refuses a knockout on a free-text question, naming the field', async () => {
    const api = await newOrganization();
    const bad = await api.post('/v1/campaigns', {
      campaignTitle: 'Bad',
      channel: 'EMAIL',
      questions: [{ text: 'Ready?', kind: 'FREE_TEXT', knockout: { expected: 'YES' } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toMatch(/^questions\.0/);
  });
});
