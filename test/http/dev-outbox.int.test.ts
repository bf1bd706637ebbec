import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { listDevOutbox } from '@/lib/server/services/outbox/list-dev-outbox';
import { call, type Client } from '../support/api';
import { signInMember, type SignedIn } from '../support/dashboard';
import { newCampaign, newOrganization, schedulingBody } from '../support/factories';

async function startConversation(api: Client) {
  const campaignId = await newCampaign(api, { channel: 'SMS' });
  const res = await api.post('/v1/scheduling/conversations', schedulingBody(campaignId));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; phoneNumber?: string };
}

describe('the development outbox', () => {
  let apiA: Client;
  let viewer: SignedIn;

  beforeAll(async () => {
    apiA = await newOrganization('Outbox Org');
    viewer = await signInMember(apiA.auth.organizationId, 'VIEWER');
  });

  it('shows a viewer the messages sent for their organization only, newest first', async () => {
    const first = await startConversation(apiA);
    const second = await startConversation(apiA);
    const other = await startConversation(await newOrganization('Outbox Other Org'));
    const page = await call<string>('GET', '/dashboard/outbox', {
      headers: { cookie: viewer.cookie },
    });
    expect(page.status).toBe(200);
    const html = page.body;
    expect(html).toContain(`/dashboard/conversations/${first.id}`);
    expect(html).toContain(`/dashboard/conversations/${second.id}`);
    expect(html).not.toContain(`/dashboard/conversations/${other.id}`);
    expect(html.indexOf(second.id)).toBeLessThan(html.indexOf(first.id));
    expect(html).not.toMatch(/Send|Delete|Replay/);
  });

  it('pages by cursor and ignores a malformed one', async () => {
    const organizationId = apiA.auth.organizationId;
    const all = await listDevOutbox(getDb(), { organizationId, limit: 100 });
    expect(all.messages.length).toBeGreaterThanOrEqual(2);
    const one = await listDevOutbox(getDb(), { organizationId, limit: 1 });
    expect(one.messages.map((m) => m.id)).toEqual([all.messages[0]!.id]);
    const next = await listDevOutbox(getDb(), {
      organizationId,
      limit: 1,
      before: one.nextCursor!,
    });
    expect(next.messages.map((m) => m.id)).toEqual([all.messages[1]!.id]);
    const bad = await call('GET', '/dashboard/outbox?before=%27;drop', {
      headers: { cookie: viewer.cookie },
    });
    expect(bad.status).toBe(200);
  });
});
