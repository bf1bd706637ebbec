import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '@/lib/server/clock';
import { executeRows, getDb } from '@/lib/server/db/client';
import { messages } from '@/lib/server/db/schema/conversations';
import type { Client } from '../support/api';
import {
  eventually,
  newCampaign,
  newOrganization,
  schedulingBody,
  uniqueEmail,
  uniquePhone,
} from '../support/factories';

/** Popp's conversation fields (DESIGN §3 "Create conversation: more fields") and the bulk create. */
describe('conversation fields as Popp has them', () => {
  let api: Client;
  let sms: string;

  beforeAll(async () => {
    api = await newOrganization();
    sms = await newCampaign(api, { channel: 'SMS', externalId: 'ats-campaign-7' });
  });
  afterEach(() => setClock(null));

  async function opening(conversationId: string) {
    return eventually(async () => {
      const [row] = await getDb()
        .select()
        .from(messages)
        .where(
          and(eq(messages.conversationId, conversationId), eq(messages.direction, 'OUTBOUND')),
        );
      return row;
    });
  }

  it('takes externalCampaignId for campaignId, and refuses both, neither or an unknown one', async () => {
    const body = schedulingBody(sms);
    const { campaignId: _, ...rest } = body;
    const byExternal = await api.post('/v1/scheduling/conversations', {
      ...rest,
      externalCampaignId: 'ats-campaign-7',
      applicationSource: 'LinkedIn',
    });
    expect(byExternal.status, JSON.stringify(byExternal.body)).toBe(201);
    expect(byExternal.body).toMatchObject({ campaignId: sms, applicationSource: 'LinkedIn' });

    const both = await api.post('/v1/scheduling/conversations', {
      ...body,
      externalCampaignId: 'x',
    });
    expect(both.status).toBe(400);
    expect(both.body.error.details[0].path).toBe('campaignId');
    const neither = await api.post('/v1/scheduling/conversations', rest);
    expect(neither.status).toBe(400);
    const unknown = await api.post('/v1/scheduling/conversations', {
      ...rest,
      externalCampaignId: 'no-such-campaign',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details[0].path).toBe('externalCampaignId');
  });

  it('reads a national phone number with countryCode, and names the field when it cannot', async () => {
    const national = await api.post('/v1/scheduling/conversations', {
      ...schedulingBody(sms),
      phoneNumber: '(415) 555-0142',
      countryCode: 'us',
    });
    expect(national.status, JSON.stringify(national.body)).toBe(201);
    expect(national.body.phoneNumber).toBe('+14155550142');
    const unreadable = await api.post('/v1/scheduling/conversations', {
      ...schedulingBody(sms),
      phoneNumber: '(415) 555-0142',
    });
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.error.details).toContainEqual({
      path: 'phoneNumber',
      message: 'must be an E.164 phone number such as +14155550123 (or give countryCode)',
    });
  });

  it('sends a custom opening with its variables and the booking link; SMS needs STOP, WhatsApp refuses it', async () => {
    const custom = await api.post('/v1/scheduling/conversations', {
      ...schedulingBody(sms),
      firstName: 'Rosa',
      customOpeningMessage:
        'Hola {{firstName}}! Book your Acme interview: {{bookingUrl}} (STOP to end)',
    });
    expect(custom.status, JSON.stringify(custom.body)).toBe(201);
    expect((await opening(custom.body.id)).body).toBe(
      `Hola Rosa! Book your Acme interview: ${custom.body.bookingUrl} (STOP to end)`,
    );
    const withoutStop = await api.post('/v1/scheduling/conversations', {
      ...schedulingBody(sms),
      customOpeningMessage: 'Book here please',
    });
    expect(withoutStop.status).toBe(400);
    expect(withoutStop.body.error.details[0].path).toBe('customOpeningMessage');
    const whatsapp = await newCampaign(api, { channel: 'WHATSAPP' });
    const onWhatsapp = await api.post('/v1/scheduling/conversations', {
      ...schedulingBody(whatsapp),
      customOpeningMessage: 'Hi STOP',
    });
    expect(onWhatsapp.status).toBe(400);
    const tooLong = await api.post('/v1/scheduling/conversations', {
      ...schedulingBody(sms),
      customOpeningMessage: `STOP ${'x'.repeat(600)}`,
    });
    expect(tooLong.status).toBe(400);
  });

  it('closes the contact’s running conversations first with closePreviousConversations', async () => {
    const phoneNumber = uniquePhone();
    const first = await api.post('/v1/scheduling/conversations', {
      ...schedulingBody(sms),
      phoneNumber,
    });
    await opening(first.body.id);
    const other = await newCampaign(api, { channel: 'SMS' });
    const queued = await api.post('/v1/scheduling/conversations', {
      ...schedulingBody(other),
      phoneNumber,
    });
    expect(queued.body.status).toBe('QUEUED');
    const fresh = await api.post('/v1/scheduling/conversations', {
      ...schedulingBody(other),
      phoneNumber,
      closePreviousConversations: true,
    });
    expect(fresh.status).toBe(201);
    expect(fresh.body.status).toBe('CREATED');
    for (const id of [first.body.id, queued.body.id])
      expect((await api.get(`/v1/conversations/${id}`)).body.status).toBe('CLOSED');
  });

  it('holds the opening until 09:00 on a weekday in the phone number’s zone', async () => {
    // Saturday 2037-12-05 12:00 UTC; a French number: Monday 09:00 in Paris is 08:00 UTC.
    // A year far ahead of real time: the queue runs on real time and must not deliver it.
    setClock(Date.UTC(2037, 11, 5, 12, 0));
    const held = await api.post('/v1/scheduling/conversations', {
      ...schedulingBody(sms),
      phoneNumber: '+33612345678',
      emailAddress: uniqueEmail(),
      shouldSendDuringBusinessHours: true,
    });
    expect(held.status, JSON.stringify(held.body)).toBe(201);
    expect(held.body.shouldSendDuringBusinessHours).toBe(true);
    const message = await opening(held.body.id);
    expect(message.status).toBe('QUEUED');
    const [job] = await executeRows<{ start_after: string }>(
      getDb(),
      sql`select start_after from pgboss.job where name = 'messages.deliver'
          and data->>'messageId' = ${message.id}`,
    );
    expect(new Date(job!.start_after).toISOString()).toBe('2037-12-07T08:00:00.000Z');
  });

  it('creates or refuses each contact of a bulk request on its own', async () => {
    const res = await api.post('/v1/conversations/bulk', {
      externalCampaignId: 'ats-campaign-7',
      contacts: [
        { firstName: 'Ana', phoneNumber: uniquePhone(), externalId: 'c-1' },
        { firstName: 'Ben', phoneNumber: 'not a phone' },
        { firstName: 'Cleo', emailAddress: uniqueEmail() },
        { firstName: 'Dan', phoneNumber: '415 555 0199', countryCode: 'US' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'CREATED',
      'REFUSED',
      'REFUSED',
      'CREATED',
    ]);
    expect(res.body.results[0].conversation).toMatchObject({ firstName: 'Ana', externalId: 'c-1' });
    expect(res.body.results[1].error.details[0].path).toBe('contacts.1.phoneNumber');
    // An SMS campaign cannot reach a contact with an email only.
    expect(res.body.results[2].error.details[0].path).toBe('phoneNumber');
    expect(res.body.results[3].conversation.phoneNumber).toBe('+14155550199');

    const empty = await api.post('/v1/conversations/bulk', { campaignId: sms, contacts: [] });
    expect(empty.status).toBe(400);
    const tooMany = await api.post('/v1/conversations/bulk', {
      campaignId: sms,
      contacts: Array.from({ length: 1001 }, () => ({ firstName: 'X' })),
    });
    expect(tooMany.status).toBe(400);
  });
});
