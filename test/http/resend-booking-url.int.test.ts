import { describe, expect, it } from 'vitest';
import type { Client } from '../support/api';
import {
  eventually,
  newCampaign,
  newOrganization,
  schedulingBody,
  tokenOf,
} from '../support/factories';

const PATH = '/v1/scheduling/resend-booking-url';

async function ongoing(api: Client, id: string) {
  return eventually(async () => {
    const res = await api.get(`/v1/conversations/${id}`);
    return res.body.status === 'ONGOING' ? res.body : null;
  });
}

async function startedLink(
  api: Client,
  overrides: Record<string, unknown> = {},
  campaign: Record<string, unknown> = {},
) {
  const campaignId = await newCampaign(api, {
    channel: 'EMAIL',
    agentTone: 'PROFESSIONAL',
    ...campaign,
  });
  const created = await api.post(
    '/v1/scheduling/conversations',
    schedulingBody(campaignId, overrides),
  );
  expect(created.status).toBe(201);
  await ongoing(api, created.body.id);
  return created.body as { id: string; bookingUrl: string; emailAddress: string };
}

describe('POST /v1/scheduling/resend-booking-url', () => {
  it('sends the same link again as a new message, by id or by external id', async () => {
    const api = await newOrganization();
    const externalId = `ats-${Date.now()}`;
    const conversation = await startedLink(api, { externalId });

    const byId = await api.post(PATH, { conversationId: conversation.id });
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({
      conversationId: conversation.id,
      bookingUrl: conversation.bookingUrl,
      message: { direction: 'OUTBOUND', channel: 'EMAIL', status: 'SENT' },
    });
    expect(byId.body.message.body).toContain(conversation.bookingUrl);
    expect(byId.body.message.body).toMatch(/^Hello Casey,/);

    const byExternal = await api.post(PATH, { externalConversationId: externalId });
    expect(byExternal.status).toBe(200);
    expect(byExternal.body.conversationId).toBe(conversation.id);

    const detail = await api.get(`/v1/conversations/${conversation.id}`);
    expect(detail.body.messages).toHaveLength(3);
    expect(detail.body.messages.at(-1).id).toBe(byExternal.body.message.id);
  });

  it("writes the link again in the campaign's language", async () => {
    const api = await newOrganization();
    const conversation = await startedLink(api, {}, { language: 'es', company: 'Acme' });
    const res = await api.post(PATH, { conversationId: conversation.id });
    expect(res.status).toBe(200);
    expect(res.body.message.body).toMatch(/^Hola Casey:\n\nTe enviamos de nuevo el enlace/);
    expect(res.body.message.body).toContain(conversation.bookingUrl);
  });

  it('refuses with 409 and says why: booked, closed, or no link', async () => {
    const api = await newOrganization();
    const booked = await startedLink(api);
    const slots = await api.get(
      `/v1/booking/${tokenOf(booked)}/slots?from=${new Date(Date.now() + 2 * 86_400_000)
        .toISOString()
        .slice(0, 10)}&to=${new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10)}`,
    );
    const start = (slots.body.slots as { start: string }[])[0]!.start;
    expect((await api.post(`/v1/booking/${tokenOf(booked)}`, { start })).status).toBe(201);
    const refusedBooked = await api.post(PATH, { conversationId: booked.id });
    expect(refusedBooked.status).toBe(409);
    expect(refusedBooked.body.error).toMatchObject({ code: 'conflict' });
    expect(refusedBooked.body.error.message).toContain('already booked');

    const closed = await startedLink(api);
    expect((await api.post(`/v1/conversations/${closed.id}/close`)).status).toBe(200);
    const refusedClosed = await api.post(PATH, { conversationId: closed.id });
    expect(refusedClosed.status).toBe(409);
    expect(refusedClosed.body.error.message).toContain('ended');

    const regularCampaign = await newCampaign(api, { channel: 'EMAIL' });
    const regular = await api.post('/v1/conversations', {
      campaignId: regularCampaign,
      firstName: 'Rey',
      emailAddress: 'rey@example.com',
    });
    expect(regular.status).toBe(201);
    const refusedRegular = await api.post(PATH, { conversationId: regular.body.id });
    expect(refusedRegular.status).toBe(409);
    expect(refusedRegular.body.error.message).toContain('no booking link');
  });

  it('validates the body and hides other organizations', async () => {
    const api = await newOrganization();
    const other = await newOrganization('Other');
    const theirs = await startedLink(other);

    const none = await api.post(PATH, {});
    expect(none.status).toBe(400);
    expect(none.body.error.details[0].path).toBe('conversationId');
    const both = await api.post(PATH, { conversationId: theirs.id, externalConversationId: 'x' });
    expect(both.status).toBe(400);
    expect((await api.post(PATH, { conversationId: 'nope' })).status).toBe(400);

    const foreign = await api.post(PATH, { conversationId: theirs.id });
    expect(foreign.status).toBe(404);
    expect((await api.post(PATH, { externalConversationId: 'no-such-external-id' })).status).toBe(
      404,
    );
  });
});
