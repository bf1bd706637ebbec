import { describe, expect, it } from 'vitest';
import { campaignBody, newCampaign, newOrganization, schedulingBody } from '../support/factories';

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body', async () => {
    const api = await newOrganization();
    const campaignId = await newCampaign(api);
    const body = schedulingBody(campaignId);
    const headers = { 'idempotency-key': 'create-1' };
    const first = await api.post('/v1/scheduling/conversations', body, { headers });
    const second = await api.post('/v1/scheduling/conversations', body, { headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const list = await api.get(`/v1/conversations?campaignId=${campaignId}`);
    expect(list.body.data).toHaveLength(1);
  });

  it('treats the same JSON with another key order as the same body', async () => {
    const api = await newOrganization();
    const headers = { 'idempotency-key': 'order' };
    const first = await api.post(
      '/v1/campaigns',
      { campaignTitle: 'A', channel: 'SMS' },
      { headers },
    );
    const second = await api.post(
      '/v1/campaigns',
      { channel: 'SMS', campaignTitle: 'A' },
      { headers },
    );
    expect(second.body.id).toBe(first.body.id);
  });

  it('refuses the same key with another body: 409 idempotency_mismatch, nothing created', async () => {
    const api = await newOrganization();
    const headers = { 'idempotency-key': 'k-2' };
    const first = await api.post('/v1/campaigns', campaignBody({ campaignTitle: 'One' }), {
      headers,
    });
    const second = await api.post('/v1/campaigns', campaignBody({ campaignTitle: 'Two' }), {
      headers,
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('idempotency_mismatch');
    expect((await api.get('/v1/campaigns')).body.data).toHaveLength(1);
  });

  it('replays an error response too, and keys are per organization', async () => {
    const api = await newOrganization();
    const other = await newOrganization('Other');
    const headers = { 'idempotency-key': 'shared' };
    const invalid = await api.post('/v1/campaigns', { channel: 'SMS' }, { headers });
    const replay = await api.post('/v1/campaigns', { channel: 'SMS' }, { headers });
    expect(invalid.status).toBe(400);
    expect(replay.status).toBe(400);
    expect(replay.body).toEqual(invalid.body);
    const elsewhere = await other.post('/v1/campaigns', campaignBody(), { headers });
    expect(elsewhere.status).toBe(201);
  });

  it('checks the key itself', async () => {
    const api = await newOrganization();
    const res = await api.post('/v1/campaigns', campaignBody(), {
      headers: { 'idempotency-key': 'x'.repeat(300) },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('Idempotency-Key');
  });

  it('runs concurrent requests with one key once', async () => {
    const api = await newOrganization();
    const headers = { 'idempotency-key': 'race' };
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        api.post('/v1/campaigns', campaignBody({ campaignTitle: 'Race' }), { headers }),
      ),
    );
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(
      results.every(
        (r) => r.status === 201 || (r.status === 409 && r.body.error.code === 'conflict'),
      ),
    ).toBe(true);
    expect((await api.get('/v1/campaigns')).body.data).toHaveLength(1);
  });
});
