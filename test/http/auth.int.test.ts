import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { apiKeys } from '@/lib/server/db/schema/organizations';
import { createApiKey } from '@/lib/server/services/api-keys/create-api-key';
import { revokeApiKey } from '@/lib/server/services/api-keys/manage-api-keys';
import { call, client, type Client } from '../support/api';
import { newCampaign, newOrganization, schedulingBody } from '../support/factories';

describe('API authentication', () => {
  let api: Client;

  beforeAll(async () => {
    api = await newOrganization();
  });

  it('answers 401 before it judges a path parameter (DESIGN §2)', async () => {
    for (const path of ['/v1/campaigns/not-an-id', '/v1/meetings/123/cancel', '/v1/webhooks/x']) {
      const method = path.endsWith('/cancel') ? 'POST' : 'GET';
      const anonymous = await call(method, path, { body: method === 'POST' ? {} : undefined });
      expect(anonymous.status, path).toBe(401);
      const signedIn = await call(method, path, {
        auth: api.auth,
        body: method === 'POST' ? {} : undefined,
      });
      expect(signedIn.status, path).toBe(404);
    }
  });

  it('accepts a valid key with its organization', async () => {
    const res = await api.get('/v1/campaigns');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [], nextCursor: null });
  });

  it.each([
    ['no headers', {}],
    ['only the key', { 'x-api-key': 'KEY' }],
    ['only the organization', { 'x-organization-id': 'ORG' }],
    ['a wrong key', { 'x-api-key': 'pk_wrong', 'x-organization-id': 'ORG' }],
    ['a malformed organization id', { 'x-api-key': 'KEY', 'x-organization-id': 'not-a-uuid' }],
    [
      'another organization id',
      { 'x-api-key': 'KEY', 'x-organization-id': '00000000-0000-4000-8000-000000000000' },
    ],
  ])('answers 401 unauthorized with %s', async (_, template) => {
    const headers = Object.fromEntries(
      Object.entries(template as Record<string, string>).map(([k, v]) => [
        k,
        v.replace('KEY', api.auth.apiKey).replace('ORG', api.auth.organizationId),
      ]),
    );
    const res = await call('GET', '/v1/campaigns', { headers });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('refuses a key of one organization presented with another organization id', async () => {
    const other = await newOrganization('Other');
    const res = await call('GET', '/v1/campaigns', {
      auth: { apiKey: api.auth.apiKey, organizationId: other.auth.organizationId },
    });
    expect(res.status).toBe(401);
  });

  it('refuses a revoked key from the next request on', async () => {
    const db = getDb();
    const { apiKey, key } = await createApiKey(db, {
      organizationId: api.auth.organizationId,
      name: 'to revoke',
      expiresAt: null,
      now: new Date(),
    });
    const keyed = client({ organizationId: api.auth.organizationId, apiKey });
    expect((await keyed.get('/v1/campaigns')).status).toBe(200);
    await revokeApiKey(db, {
      organizationId: api.auth.organizationId,
      id: key.id,
      now: new Date(),
    });
    expect((await keyed.get('/v1/campaigns')).status).toBe(401);
  });

  it('refuses an expired key', async () => {
    const db = getDb();
    const { apiKey, key } = await createApiKey(db, {
      organizationId: api.auth.organizationId,
      name: 'short-lived',
      expiresAt: new Date(Date.now() + 60_000),
      now: new Date(),
    });
    const keyed = client({ organizationId: api.auth.organizationId, apiKey });
    expect((await keyed.get('/v1/campaigns')).status).toBe(200);
    await db
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, key.id));
    expect((await keyed.get('/v1/campaigns')).status).toBe(401);
  });

  it('stores only a hash of the key and shows it masked', async () => {
    const [row] = await getDb()
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.organizationId, api.auth.organizationId))
      .limit(1);
    expect(row!.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.keyHash).not.toContain(api.auth.apiKey);
    expect(JSON.stringify(row)).not.toContain(api.auth.apiKey);
  });
});

describe('tenant isolation', () => {
  it("answers 404 for every kind of another organization's resource, and never lists it", async () => {
    const owner = await newOrganization('Owner');
    const stranger = await newOrganization('Stranger');
    const campaignId = await newCampaign(owner);
    const template = await owner.post('/v1/meeting-templates', {
      name: 'T',
      meetingParticipants: schedulingBody(campaignId).meetingParticipants,
      meetingConfiguration: schedulingBody(campaignId).meetingConfiguration,
    });
    const conversation = await owner.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId),
    );
    expect(template.status).toBe(201);
    expect(conversation.status).toBe(201);

    const paths = [
      `/v1/campaigns/${campaignId}`,
      `/v1/meeting-templates/${template.body.id}`,
      `/v1/conversations/${conversation.body.id}`,
    ];
    for (const path of paths) {
      const read = await stranger.get(path);
      expect(read.status, path).toBe(404);
      expect(read.body.error.code).toBe('not_found');
    }
    expect(
      (await stranger.patch(`/v1/campaigns/${campaignId}`, { campaignTitle: 'x' })).status,
    ).toBe(404);
    expect((await stranger.delete(`/v1/campaigns/${campaignId}`)).status).toBe(404);
    expect((await stranger.delete(`/v1/meeting-templates/${template.body.id}`)).status).toBe(404);
    expect((await stranger.post(`/v1/conversations/${conversation.body.id}/close`)).status).toBe(
      404,
    );
    // Using another organization's campaign or template by id is a 404 too.
    const borrowed = await stranger.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId),
    );
    expect(borrowed.status).toBe(404);
    expect(borrowed.body.error.details[0].path).toBe('campaignId');
    const borrowedTemplate = await stranger.post('/v1/campaigns', {
      campaignTitle: 'x',
      channel: 'SMS',
      calendarMeetingTemplateId: template.body.id,
    });
    expect(borrowedTemplate.status).toBe(404);

    for (const list of ['/v1/campaigns', '/v1/meeting-templates', '/v1/conversations']) {
      const res = await stranger.get(list);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([]);
    }
    // The owner still sees everything.
    expect((await owner.get(paths[2]!)).status).toBe(200);
  });
});
