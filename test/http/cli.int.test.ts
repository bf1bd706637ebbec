import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { call } from '../support/api';
import {
  eventually,
  newCampaign,
  newOrganization,
  schedulingBody,
  tokenOf,
} from '../support/factories';

/** The operator CLI, run as a separate process against the same database as the server. */
function parley(args: string[]) {
  const result = spawnSync(
    'npx',
    ['tsx', '--conditions=react-server', 'scripts/parley.ts', ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, PARLEY_LOG_LEVEL: 'error' },
      timeout: 60_000,
    },
  );
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

/** An auto-schedule conversation on an email campaign, its opening sent. */
async function ongoingEmailConversation() {
  const api = await newOrganization();
  const campaignId = await newCampaign(api, { channel: 'EMAIL' });
  const created = await api.post('/v1/scheduling/conversations', schedulingBody(campaignId));
  await eventually(async () => {
    const got = await api.get(`/v1/conversations/${created.body.id}`);
    return got.body.status === 'ONGOING';
  });
  return { api, created };
}

// Each command is a process of its own (tsx, its database connection): seconds apiece on a
// loaded machine, and a test runs up to five of them.
describe('operator CLI', { timeout: 120_000 }, () => {
  if (process.env.PARLEY_TEST_DB === 'pglite') {
    it('refuses to open the embedded database while the server holds it', () => {
      const result = parley(['org', 'create', '--name', 'Acme']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/in use by process \d+/);
    });
    return;
  }

  it('creates an organization and manages its keys; the server honours them', async () => {
    const org = parley(['org', 'create', '--name', 'Acme']);
    expect(org.code, org.stderr).toBe(0);
    expect(org.stdout.split('\n')).toHaveLength(1);
    const { organizationId, apiKey } = JSON.parse(org.stdout);
    const auth = { organizationId, apiKey };
    expect((await call('GET', '/v1/campaigns', { auth })).status).toBe(200);

    const created = parley([
      'key',
      'create',
      '--org',
      organizationId,
      '--name',
      'ci',
      '--expires-in-days',
      '30',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const key = JSON.parse(created.stdout);
    expect(key).toMatchObject({ name: 'ci', revokedAt: null });
    expect(key.maskedKey).toBe(`…${key.apiKey.slice(-8)}`);
    expect(new Date(key.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const list = JSON.parse(parley(['key', 'list', '--org', organizationId]).stdout);
    expect(list.map((k: { name: string }) => k.name).sort()).toEqual(['Default key', 'ci']);
    expect(JSON.stringify(list)).not.toContain(key.apiKey);

    const revoked = parley(['key', 'revoke', '--org', organizationId, '--key', key.id]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(
      (await call('GET', '/v1/campaigns', { auth: { organizationId, apiKey: key.apiKey } })).status,
    ).toBe(401);
    expect((await call('GET', '/v1/campaigns', { auth })).status).toBe(200);
  });

  it('invites a dashboard user with a role and prints a one-time sign-in link that works', async () => {
    const org = JSON.parse(parley(['org', 'create', '--name', 'Invites Inc']).stdout);
    const email = `cli.invite.${Date.now()}@example.com`;
    const invited = parley([
      'user',
      'invite',
      '--org',
      org.organizationId,
      '--email',
      email,
      '--role',
      'admin',
      '--name',
      'Ada Admin',
    ]);
    expect(invited.code, invited.stderr).toBe(0);
    expect(invited.stdout.split('\n')).toHaveLength(1);
    const out = JSON.parse(invited.stdout);
    expect(out).toMatchObject({ email, role: 'ADMIN', organizationId: org.organizationId });
    expect(out.signInUrl).toMatch(/\/api\/auth\/callback\/email\?/);

    const opened = await fetch(out.signInUrl.replace(/^https?:\/\/[^/]+/, process.env.APP_URL), {
      redirect: 'manual',
    });
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toMatch(/\/dashboard$/);
    const cookie = opened.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const dashboard = await fetch(`${process.env.APP_URL}/dashboard`, { headers: { cookie } });
    expect(await dashboard.text()).toContain('Invites Inc');

    // The same person again is refused; so are unknown roles.
    const twice = parley([
      'user',
      'invite',
      '--org',
      org.organizationId,
      '--email',
      email,
      '--role',
      'VIEWER',
    ]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/already a member/);
    expect(twice.stderr).toMatch(/user link/);
    // A lost link: `user link` makes a new one for a member, which signs in as well.
    const again = parley(['user', 'link', '--email', email.toUpperCase()]);
    expect(again.code, again.stderr).toBe(0);
    const link = JSON.parse(again.stdout);
    expect(link).toMatchObject({
      email,
      memberships: [
        { organizationId: org.organizationId, organization: 'Invites Inc', role: 'ADMIN' },
      ],
    });
    expect(link.signInUrl).not.toBe(out.signInUrl);
    const reopened = await fetch(link.signInUrl.replace(/^https?:\/\/[^/]+/, process.env.APP_URL), {
      redirect: 'manual',
    });
    expect(reopened.status).toBe(302);
    expect(reopened.headers.get('location')).toMatch(/\/dashboard$/);
    const stranger = parley(['user', 'link', '--email', `nobody.${Date.now()}@example.com`]);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toMatch(/not a member of any organization/);
    expect(parley(['user', 'link', '--email', 'not-an-address']).code).toBe(2);
    const badRole = parley([
      'user',
      'invite',
      '--org',
      org.organizationId,
      '--email',
      email,
      '--role',
      'BOSS',
    ]);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/--role/);
  });

  it('answers as the candidate: the agent reads the reply and answers through the dev transport', async () => {
    const { api, created } = await ongoingEmailConversation();
    const reply = parley([
      'reply',
      '--conversation',
      created.body.id,
      'Is',
      'the',
      'role',
      'remote?',
    ]);
    expect(reply.code, reply.stderr).toBe(0);
    expect(JSON.parse(reply.stdout)).toMatchObject({
      conversationId: created.body.id,
      understood: 'QUESTION',
      status: 'ONGOING',
      needsReview: true,
      answers: ['Thanks for your message! Someone from the team will get back to you shortly.'],
    });
    const after = await api.get(`/v1/conversations/${created.body.id}`);
    expect(after.body.needsReview).toBe(true);
    expect(parley(['reply', '--conversation', created.body.id]).code).toBe(2);
  });

  it('books by reply from the CLI (the booking adds its jobs), the reply stored once', async () => {
    const { api, created } = await ongoingEmailConversation();
    const slots = await api.get(`/v1/booking/${tokenOf(created.body)}/slots`);
    const start = (slots.body.slots as { start: string }[])[0]!.start;
    // "December 6 at 9:00 AM", in the meeting's zone (the candidate named none).
    const words = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    })
      .format(new Date(start))
      .replace(',', ' at');
    const reply = parley(['reply', '--conversation', created.body.id, words, 'works']);
    expect(reply.code, reply.stderr).toBe(0);
    expect(JSON.parse(reply.stdout)).toMatchObject({
      understood: 'BOOK',
      schedulingStatus: 'SCHEDULED',
    });
    const after = await api.get(`/v1/conversations/${created.body.id}`);
    expect(after.body.meeting).toMatchObject({ status: 'SCHEDULED', startDateTime: start });
    expect(
      after.body.messages.filter((m: { direction: string }) => m.direction === 'INBOUND'),
    ).toHaveLength(1);
  });

  it('explains bad usage with exit code 2', () => {
    const result = parley(['key', 'create', '--org', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--org must be/);
    expect(parley(['frobnicate']).code).toBe(2);
  });
});
