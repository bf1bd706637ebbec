import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childApi, childDatabase, startChildApp, type ChildApp } from '../support/child-app';
import { eventually, interviewer, meetingConfiguration, uniquePhone } from '../support/factories';
import { defaultReading, startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { startFakeResend, type FakeResend } from '../support/fake-resend';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio';
import { instantIn } from '../support/zoned-time';

/**
 * SMS and WhatsApp through Twilio, end to end (DESIGN §7): the app runs with Twilio configured
 * and the real `twilio` SDK talks to a local server speaking Twilio's Messages API; candidates'
 * messages and delivery reports arrive on the app's webhooks, signed as Twilio signs them. The
 * optional language model is on too (a local OpenAI-compatible server through the `openai` SDK):
 * it is asked only about what the rules cannot read.
 */
const ZONE = 'America/New_York';

describe('the agent over Twilio and Resend', () => {
  let twilio: FakeTwilio;
  let llm: FakeOpenAi;
  let resend: FakeResend;
  let app: ChildApp;
  let api: ReturnType<typeof childApi>;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    twilio = await startFakeTwilio();
    llm = await startFakeOpenAi();
    resend = await startFakeResend();
    const database = await childDatabase();
    dropDatabase = database.drop;
    app = await startChildApp({
      ...database.env,
      PARLEY_DEMO_SEED: '1',
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_FROM_NUMBER: twilio.fromNumber,
      TWILIO_WHATSAPP_FROM: twilio.fromNumber,
      TWILIO_WHATSAPP_TEMPLATE_SID: 'HX0123456789abcdef0123456789abcdef',
      TWILIO_API_URL: twilio.url,
      PARLEY_LLM_BASE_URL: llm.baseUrl,
      PARLEY_LLM_API_KEY: llm.apiKey,
      PARLEY_LLM_MODEL: 'parley-test-model',
      RESEND_API_KEY: resend.apiKey,
      RESEND_BASE_URL: resend.url,
      RESEND_WEBHOOK_SECRET: resend.webhookSecret,
      PARLEY_INBOUND_EMAIL_DOMAIN: 'inbound.parley.test',
    });
    api = childApi(app);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await twilio?.close();
    await llm?.close();
    await resend?.close();
    await dropDatabase?.();
  });

  /** The first interviewer day (two days from now, UTC date) and its 2 pm in New York. */
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const twoPm = instantIn(day, '14:00', ZONE);
  const spoken = new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    month: 'long',
    day: 'numeric',
  }).format(new Date(`${day}T12:00:00Z`));

  async function started(
    channel: 'SMS' | 'WHATSAPP' = 'SMS',
    phoneNumber = uniquePhone(),
    campaignFields: Record<string, unknown> = {},
  ) {
    const campaign = await api.post('/v1/campaigns', {
      campaignTitle: 'Backend Engineer',
      channel,
      company: 'Acme',
      position: 'Backend Engineer',
      ...campaignFields,
    });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
    const created = await api.post('/v1/scheduling/conversations', {
      campaignId: campaign.body.id,
      firstName: 'Casey',
      phoneNumber,
      meetingParticipants: [interviewer()],
      meetingConfiguration: meetingConfiguration({ timezone: ZONE }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const to = channel === 'WHATSAPP' ? `whatsapp:${phoneNumber}` : phoneNumber;
    await eventually(() => twilio.sentTo(to).length > 0);
    return { id: created.body.id as string, phoneNumber, to, campaignId: campaign.body.id };
  }

  const conversation = async (id: string) => (await api.get(`/v1/conversations/${id}`)).body;

  it('texts the opening through Twilio and records its delivery report', async () => {
    const { id, to } = await started();
    const [opening] = twilio.sentTo(to);
    expect(opening).toMatchObject({ from: twilio.fromNumber });
    expect(opening!.body).toContain('Reply STOP to opt out.');
    expect(opening!.statusCallback).toBe(`${app.baseUrl}/webhooks/twilio/status`);
    const sent = await eventually(async () => {
      const c = await conversation(id);
      return c.messages[0]?.status === 'SENT' ? c : null;
    });
    expect(sent.status).toBe('ONGOING');
    expect(
      (await twilio.status(app.baseUrl, { sid: opening!.sid, status: 'delivered' })).status,
    ).toBe(204);
    expect((await conversation(id)).messages[0].status).toBe('DELIVERED');
  });

  it('books a reply naming a day and a time, and texts the confirmation', async () => {
    const { id, phoneNumber, to } = await started();
    const reply = await twilio.inbound(app.baseUrl, {
      from: phoneNumber,
      body: `${spoken} at 2pm works for me`,
    });
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('<Response>');
    const booked = await conversation(id);
    expect(booked.status).toBe('COMPLETED');
    expect(booked.meeting.startDateTime).toBe(new Date(twoPm).toISOString());
    const confirmation = await eventually(() => twilio.sentTo(to)[1]);
    expect(confirmation.body).toContain("You're booked:");
    expect(confirmation.body).toContain('14:00–14:30 (America/New_York)');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(twilio.sentTo(to)).toHaveLength(2);
  });

  it('opts out on STOP: one confirmation, nothing more, and a later conversation with the number sends nothing', async () => {
    const { id, phoneNumber, to, campaignId } = await started();
    await twilio.inbound(app.baseUrl, { from: phoneNumber, body: 'STOP' });
    expect((await conversation(id)).status).toBe('OPTED_OUT');
    await eventually(() => twilio.sentTo(to).length === 2);
    expect(twilio.sentTo(to)[1]!.body).toContain("You're unsubscribed");
    await twilio.inbound(app.baseUrl, { from: phoneNumber, body: 'Tuesday at 2pm works' });

    const later = await api.post('/v1/scheduling/conversations', {
      campaignId,
      firstName: 'Casey',
      phoneNumber,
      meetingParticipants: [interviewer()],
      meetingConfiguration: meetingConfiguration({ timezone: ZONE }),
    });
    expect(later.body.status).toBe('OPTED_OUT');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(twilio.sentTo(to)).toHaveLength(2);
    expect((await conversation(later.body.id)).messages).toHaveLength(0);
  });

  it('handles a MessageSid delivered twice once, and refuses a forged signature (403, nothing stored)', async () => {
    const { id, phoneNumber, to } = await started();
    const first = await twilio.inbound(app.baseUrl, {
      from: phoneNumber,
      body: 'Is the role remote?',
      sid: 'SM00000000000000000000000000000001',
    });
    const again = await twilio.inbound(app.baseUrl, {
      from: phoneNumber,
      body: 'Is the role remote?',
      sid: 'SM00000000000000000000000000000001',
    });
    expect([first.status, again.status]).toEqual([200, 200]);
    await eventually(() => twilio.sentTo(to).length === 2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(twilio.sentTo(to)).toHaveLength(2);
    let c = await conversation(id);
    expect(c.needsReview).toBe(true);
    expect(c.messages.filter((m: { direction: string }) => m.direction === 'INBOUND')).toHaveLength(
      1,
    );

    const forged = await twilio.inbound(
      app.baseUrl,
      { from: phoneNumber, body: 'STOP' },
      'not-the-auth-token',
    );
    expect(forged.status).toBe(403);
    c = await conversation(id);
    expect(c.status).toBe('ONGOING');
    expect(c.messages.filter((m: { direction: string }) => m.direction === 'INBOUND')).toHaveLength(
      1,
    );
  });

  it('marks a conversation DELIVERY_FAILED when Twilio reports its opening undelivered', async () => {
    const { id, to } = await started();
    const [opening] = twilio.sentTo(to);
    await eventually(async () => (await conversation(id)).messages[0]?.status === 'SENT');
    await twilio.status(app.baseUrl, {
      sid: opening!.sid,
      status: 'undelivered',
      errorCode: '30003',
    });
    const failed = await conversation(id);
    expect(failed.status).toBe('DELIVERY_FAILED');
    expect(failed.messages[0].status).toBe('FAILED');
  });

  it('opens WhatsApp with the content template, then answers inside the 24-hour window as text', async () => {
    const { phoneNumber, to } = await started('WHATSAPP');
    const [opening] = twilio.sentTo(to);
    expect(opening).toMatchObject({
      from: `whatsapp:${twilio.fromNumber}`,
      contentSid: 'HX0123456789abcdef0123456789abcdef',
      body: null,
    });
    expect(JSON.parse(opening!.contentVariables!)['1']).toContain('Casey');
    await twilio.inbound(app.baseUrl, { from: `whatsapp:${phoneNumber}`, body: 'hmm' });
    const answer = await eventually(() => twilio.sentTo(to)[1]);
    expect(answer.contentSid).toBeNull();
    expect(answer.body).toContain("didn't catch that");
  });

  it('answers a question from the campaign’s facts through the language model, and never books what it invents', async () => {
    const { id, phoneNumber, to } = await started('SMS', uniquePhone(), {
      agentInstructions: 'The role is fully remote within the EU and the US; no relocation.',
    });
    llm.respond = (messages) =>
      messages[0]!.content.includes('fully remote within the EU') &&
      messages.at(-1)!.content.includes('remote')
        ? JSON.stringify({
            intent: 'QUESTION',
            answer: 'Yes, the role is fully remote within the EU and the US.',
          })
        : JSON.stringify({ intent: 'PICK', pick: 3 });
    try {
      await twilio.inbound(app.baseUrl, { from: phoneNumber, body: 'is it a remote job?' });
      const answer = await eventually(() => twilio.sentTo(to)[1]);
      expect(answer.body).toBe('Yes, the role is fully remote within the EU and the US.');
      let c = await conversation(id);
      expect(c.needsReview).toBe(false);
      const asked = llm.requests.at(-1)!;
      expect(asked).toMatchObject({
        model: 'parley-test-model',
        responseFormat: { type: 'json_object' },
      });
      expect(asked.messages.at(-1)!.content).toBe('is it a remote job?');

      // "Pick 3" with no proposal names no offered start: the rules answer (a clarification).
      await twilio.inbound(app.baseUrl, { from: phoneNumber, body: 'blorp' });
      const clarify = await eventually(() => twilio.sentTo(to)[2]);
      expect(clarify.body).toContain("didn't catch that");
      c = await conversation(id);
      expect(c.status).toBe('ONGOING');
      expect(c.meeting).toBeNull();

      // Malformed output is ignored too: a second unclear reply goes to a human.
      llm.respond = () => 'not json at all';
      await twilio.inbound(app.baseUrl, { from: phoneNumber, body: 'blorp blorp' });
      await eventually(() => twilio.sentTo(to)[3]);
      expect((await conversation(id)).needsReview).toBe(true);
    } finally {
      llm.respond = defaultReading;
    }
  });

  it('emails through Resend with the reply address, and reads the reply Resend reports', async () => {
    const campaign = await api.post('/v1/campaigns', {
      campaignTitle: 'Email',
      channel: 'EMAIL',
      company: 'Acme',
    });
    const email = `casey.${Date.now()}@example.com`;
    const created = await api.post('/v1/scheduling/conversations', {
      campaignId: campaign.body.id,
      firstName: 'Casey',
      emailAddress: email,
      meetingParticipants: [interviewer()],
      meetingConfiguration: meetingConfiguration({ timezone: ZONE }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const opening = await eventually(() => resend.sent.find((m) => m.to[0] === email));
    expect(opening.subject).toBe('Your interview with Acme');
    expect(opening.replyTo).toMatch(/^reply\+[0-9a-f]{32}@inbound\.parley\.test$/);
    expect(opening.headers['Message-ID']).toMatch(/^<[0-9a-f-]{36}@inbound\.parley\.test>$/);

    const reply = {
      from: `Casey <${email}>`,
      to: [String(opening.replyTo)],
      subject: 'Re: Your interview with Acme',
      text: `${spoken} at 2pm works\n\nOn Mon, Acme wrote:\n> Let's find a time for your interview`,
      headers: { 'in-reply-to': opening.headers['Message-ID']! },
    };
    const forged = await resend.deliver(app.baseUrl, reply, {
      signWith: `whsec_${Buffer.from('not the secret').toString('base64')}`,
    });
    expect(forged.status).toBe(403);
    expect((await conversation(created.body.id)).messages).toHaveLength(1);

    const delivered = await resend.deliver(app.baseUrl, reply);
    expect(delivered).toEqual({ status: 200, body: { status: 'HANDLED' } });
    const booked = await conversation(created.body.id);
    expect(booked.status).toBe('COMPLETED');
    expect(booked.meeting.startDateTime).toBe(new Date(twoPm).toISOString());
    const inbound = booked.messages.find((m: { author: string }) => m.author === 'CANDIDATE');
    expect(inbound.body).toBe(`${spoken} at 2pm works`);
    // The invitation with its calendar file is the answer.
    await eventually(() => resend.sent.filter((m) => m.to[0] === email).length >= 2);
  });
});
