import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childApi, childDatabase, startChildApp, type ChildApp } from '../support/child-app';
import { eventually, uniqueEmail } from '../support/factories';
import { startFakeResend, type FakeResend } from '../support/fake-resend';

/**
 * Availability collection over the real `resend` SDK (DESIGN §8), against the local server that
 * speaks Resend's API: the app as its own process sends the one request email with its reply
 * address through Resend, reads the manager's raw reply, confirms through Resend, and sends every
 * waiting candidate their link; two candidates never get one slot.
 */
const ZONE = 'America/New_York';
const DOMAIN = 'inbound.parley.test';
const SECRET = 'inbound-secret-for-the-resend-test';

describe('availability collected by email, sent through Resend', () => {
  let resend: FakeResend;
  let app: ChildApp;
  let api: ReturnType<typeof childApi>;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    resend = await startFakeResend();
    const database = await childDatabase();
    dropDatabase = database.drop;
    app = await startChildApp({
      ...database.env,
      PARLEY_DEMO_SEED: '1',
      RESEND_API_KEY: resend.apiKey,
      RESEND_BASE_URL: resend.url,
      RESEND_WEBHOOK_SECRET: resend.webhookSecret,
      PARLEY_INBOUND_EMAIL_DOMAIN: DOMAIN,
      PARLEY_INBOUND_EMAIL_SECRET: SECRET,
      // The request gathers the conversations for 3 s instead of a minute.
      PARLEY_AVAILABILITY_GATHER_SECONDS: '3',
    });
    api = childApi(app);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await resend?.close();
    await dropDatabase?.();
  });

  const to = (address: string) => resend.sent.filter((email) => email.to.includes(address));

  it('asks once for three candidates, reads the raw reply, confirms, and releases them', async () => {
    const manager = uniqueEmail('morgan');
    const campaign = await api.post('/v1/campaigns', {
      campaignTitle: 'Backend Engineer',
      channel: 'EMAIL',
      company: 'Acme',
      position: 'Backend Engineer',
    });
    expect(campaign.status).toBe(201);
    const candidates = [];
    for (const firstName of ['Ana', 'Ben', 'Cleo']) {
      const created = await api.post('/v1/scheduling/conversations', {
        campaignId: campaign.body.id,
        firstName,
        emailAddress: uniqueEmail(firstName.toLowerCase()),
        meetingParticipants: [
          {
            name: 'Morgan Manager',
            email: manager,
            isOrganizer: true,
            autoCollectAvailability: true,
          },
        ],
        meetingConfiguration: {
          title: 'Interview with {{candidateName}}',
          duration: 30,
          timezone: ZONE,
          videoConferencing: false,
          location: 'Acme HQ',
          openHours: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '08:00', end: '18:00' }],
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      candidates.push(created.body as { id: string; bookingUrl: string; emailAddress: string });
    }

    const [request] = await eventually(
      async () => (to(manager).length > 0 ? to(manager) : null),
      60_000,
    );
    // The gathering window has passed: still one email, for all three.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(to(manager)).toHaveLength(1);
    expect(request!.subject).toBe('When are you free to interview? (3 waiting)');
    expect(request!.text).toContain(
      '3 candidates are waiting to book a 30-minute interview with you',
    );
    const replyTo = String(request!.replyTo);
    expect(replyTo).toMatch(new RegExp(`^avail\\+[0-9a-f]{32}@${DOMAIN.replace(/\./g, '\\.')}$`));
    const token = /avail\+([0-9a-f]{32})@/.exec(replyTo)![1];
    expect(request!.text).toContain(`/availability/${token}`);
    for (const candidate of candidates) {
      const got = await api.get(`/v1/conversations/${candidate.id}`);
      expect(got.body.schedulingStatus).toBe('AWAITING_AVAILABILITY');
    }

    const raw = [
      `From: Morgan Manager <${manager}>`,
      `To: Acme <${replyTo}>`,
      `Subject: Re: ${request!.subject}`,
      `Message-ID: <reply-${token}@mail.example.com>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Mon–Wed 9–12, Thu after 2pm',
      '',
      '> When are you free to interview?',
      '',
    ].join('\r\n');
    const reply = await fetch(`${app.baseUrl}/webhooks/email`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${SECRET}` },
      body: raw,
    });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual({ status: 'AVAILABILITY_SAVED' });

    const confirmation = await eventually(async () => to(manager)[1] ?? null, 30_000);
    expect(confirmation.subject).toBe('Your interview times are saved');
    expect(confirmation.text).toContain(`This is what I understood (${ZONE}):`);
    expect(confirmation.text).toContain('The 3 waiting candidates have been sent a booking link.');
    for (const candidate of candidates) {
      const sent = await eventually(
        async () => (to(candidate.emailAddress).length >= 2 ? to(candidate.emailAddress) : null),
        30_000,
      );
      expect(sent[1]!.text).toContain(candidate.bookingUrl);
      const got = await api.get(`/v1/conversations/${candidate.id}`);
      expect(got.body.schedulingStatus).toBe('LINK_SENT');
    }

    // The first offered start: one candidate takes it, the next cannot.
    const tokenOf = (c: { bookingUrl: string }) => c.bookingUrl.split('/book/')[1]!;
    const today = new Date().toISOString().slice(0, 10);
    const last = new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10);
    const slots = await fetch(
      `${app.baseUrl}/v1/booking/${tokenOf(candidates[0]!)}/slots?from=${today}&to=${last}&timezone=${ZONE}`,
    ).then((r) => r.json());
    const start = slots.slots[0].start as string;
    const book = (c: { bookingUrl: string }) =>
      fetch(`${app.baseUrl}/v1/booking/${tokenOf(c)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ start }),
      });
    expect((await book(candidates[0]!)).status).toBe(201);
    const second = await book(candidates[1]!);
    expect(second.status).toBe(409);
    expect((await second.json()).error.code).toBe('slot_unavailable');
  }, 180_000);
});
