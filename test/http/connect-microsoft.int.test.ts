import { beforeAll, describe, expect, it } from 'vitest';
import { type Client } from '../support/api';
import { connectionsOf, localPath, startConnect, tokenOfLink, visit } from '../support/connect';
import {
  meetingConfiguration,
  newCampaign,
  newOrganization,
  schedulingBody,
  uniqueEmail,
} from '../support/factories';
import type { FakeMicrosoft } from '../support/fake-microsoft';
import { suiteMicrosoft } from '../support/fake-microsoft-suite';

/**
 * The whole connect flow through the browser's eyes (DESIGN §6), against the suite's local
 * Microsoft: the invite's link → `/connect/microsoft` → the provider's consent page → the
 * callback → a stored, encrypted, CONNECTED connection that Teams meetings can use.
 */

/** Starts the connect flow from an invite link: the consent URL and the browser's cookie. */
async function start(token: string) {
  const started = await startConnect('microsoft', token);
  expect(started.status).toBe(302);
  expect(started.cookie).toMatch(/parley_connect=/);
  return started;
}

describe('connecting a Microsoft calendar from an invite', () => {
  let api: Client;
  let fake: FakeMicrosoft;

  beforeAll(async () => {
    fake = await suiteMicrosoft();
    api = await newOrganization('Connect Microsoft Org');
  });

  it('goes from the invite to a CONNECTED connection whose calendar Teams meetings use', async () => {
    const email = uniqueEmail('mia');
    fake.addAccount(email, 'Mia Connect');
    const invited = await api.post('/v1/user-calendars/invite', { name: 'Mia Connect', email });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const token = tokenOfLink(invited.body.connectUrl);
    const landing = await visit(localPath(invited.body.connectUrl));
    expect(landing.text).toContain(`/connect/microsoft?invite=${token}`);

    const { consentUrl, cookie } = await start(token);
    const consent = new URL(consentUrl);
    expect(consent.origin).toBe(new URL(fake.env.MICROSOFT_AUTHORITY).origin);
    expect(consent.searchParams.get('login_hint')).toBe(email);
    expect(consent.searchParams.get('scope')).toMatch(/Calendars\.ReadWrite/);
    expect(consent.searchParams.get('scope')).toMatch(/offline_access/);
    const back = await fake.visitConsent(consentUrl);
    expect(back.pathname).toBe('/connect/microsoft/callback');
    expect(back.searchParams.get('code')).toBeTruthy();

    const done = await visit(`${back.pathname}${back.search}`, { headers: { cookie } });
    expect(done.status).toBe(303);
    expect(done.location).toMatch(/\/connect\/done\?provider=microsoft$/);

    const shown = await api.get(`/v1/user-calendars/${invited.body.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.connection).toMatchObject({
      provider: 'MICROSOFT',
      status: 'CONNECTED',
      accountEmail: email,
      failure: null,
    });
    const [stored] = await connectionsOf(api.auth.organizationId, email);
    expect(stored!.credentials).toMatch(/^enc:v1:/);
    expect(stored!.credentials).not.toContain('refresh');

    // The same callback again (a replayed redirect) stores nothing more.
    const replay = await visit(`${back.pathname}${back.search}`, { headers: { cookie } });
    expect(replay.location).toMatch(/\/connect\/failed\?reason=used$/);
    expect(await connectionsOf(api.auth.organizationId, email)).toHaveLength(1);

    // Teams needs the organizer's Microsoft calendar (DESIGN §6): this one now has it.
    const campaignId = await newCampaign(api);
    const created = await api.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, {
        meetingParticipants: [
          { name: 'Mia Connect', email, isOrganizer: true, isCalendarConnected: true },
        ],
        meetingConfiguration: meetingConfiguration({
          videoConferencingProvider: 'Microsoft Teams',
        }),
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  });

  it('stores nothing when the person declines consent', async () => {
    const email = uniqueEmail('noah');
    fake.addAccount(email, 'Noah Declines');
    const invited = await api.post('/v1/user-calendars/invite', { name: 'Noah Declines', email });
    expect(invited.status).toBe(201);
    const { consentUrl, cookie } = await start(tokenOfLink(invited.body.connectUrl));
    fake.setConsent('deny');
    try {
      const back = await fake.visitConsent(consentUrl);
      expect(back.searchParams.get('error')).toBe('access_denied');
      const refused = await visit(`${back.pathname}${back.search}`, { headers: { cookie } });
      expect(refused.location).toMatch(/\/connect\/failed\?reason=denied$/);
      const page = await visit(localPath(refused.location!));
      expect(page.status).toBe(200);
      expect(page.text).toContain('You did not allow access');
    } finally {
      fake.setConsent('allow');
    }
    expect(await connectionsOf(api.auth.organizationId, email)).toEqual([]);
    const shown = await api.get(`/v1/user-calendars/${invited.body.id}`);
    expect(shown.body.connection).toBeNull();
  });
});
