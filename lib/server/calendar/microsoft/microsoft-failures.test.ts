import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeMicrosoft, type FakeMicrosoft } from '@/test/support/fake-microsoft';
import { connectMicrosoftAccount } from '@/test/support/microsoft-connection';
import {
  CalendarAuthError,
  CalendarUnavailableError,
  type CalendarClient,
  type CalendarEventInput,
  type Credentials,
} from '../types';
import { parseCredentials } from './credentials';
import { microsoftProvider } from './microsoft-provider';

const ORGANIZER = 'olivia@contoso.example';
const TIMEOUT_MS = 300;
const range = { start: new Date('2027-03-01T00:00:00Z'), end: new Date('2027-03-08T00:00:00Z') };
const input: CalendarEventInput = {
  key: 'fail0000000000000000000000000001',
  title: 'Interview',
  description: null,
  start: new Date('2027-03-10T14:00:00Z'),
  end: new Date('2027-03-10T15:00:00Z'),
  timezone: 'UTC',
  location: null,
  withVideo: true,
  attendees: [{ email: 'ada@candidates.example', name: 'Ada Lovelace' }],
};

let fake: FakeMicrosoft;
let stored: Credentials[];

function clientOn(credentials: Credentials): CalendarClient {
  return microsoftProvider.client(credentials, (next) => {
    stored.push(next);
    return Promise.resolve();
  });
}

/** A new connection; with `shortLived` its access tokens are due for refresh at once (msal renews
 * any token within 5 minutes of expiry). */
async function connect(options: { shortLived?: boolean } = {}): Promise<Credentials> {
  fake.setTokenLifetime(options.shortLived ? 60 : 3600);
  const account = await connectMicrosoftAccount(fake, { loginHint: ORGANIZER });
  fake.setTokenLifetime(3600);
  return account.credentials;
}

beforeAll(async () => {
  fake = await startFakeMicrosoft();
  for (const [name, value] of Object.entries({
    ...fake.env,
    PARLEY_CALENDAR_TIMEOUT_MS: String(TIMEOUT_MS),
  })) {
    vi.stubEnv(name, value);
  }
  fake.addAccount(ORGANIZER, 'Olivia Organizer');
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  stored = [];
});

describe('Microsoft token refresh', () => {
  it('refreshes an expiring token silently and hands the new token cache to onCredentials', async () => {
    const credentials = await connect({ shortLived: true });
    const before = parseCredentials(credentials);
    await clientOn(credentials).busy(range);
    expect(fake.tokenCalls('refresh_token')).toHaveLength(1);
    expect(stored).toHaveLength(1);
    const after = parseCredentials(stored[0]!);
    expect(after.homeAccountId).toBe(before.homeAccountId);
    expect(after.email).toBe(ORGANIZER);
    expect(after.cache).not.toBe(before.cache);
    // The persisted cache holds the new refresh token, and a client on it works.
    const refreshTokens = (cache: string) =>
      Object.values(
        (JSON.parse(cache) as { RefreshToken: Record<string, { secret: string }> }).RefreshToken,
      ).map((t) => t.secret);
    expect(refreshTokens(after.cache)).not.toEqual(refreshTokens(before.cache));
    await expect(clientOn(stored[0]!).busy(range)).resolves.toEqual([]);
  });

  it('turns a revoked grant (invalid_grant) into CalendarAuthError, for every call', async () => {
    const credentials = await connect({ shortLived: true });
    fake.reset();
    fake.revokeRefreshTokens(ORGANIZER);
    const client = clientOn(credentials);
    await expect(client.busy(range)).rejects.toBeInstanceOf(CalendarAuthError);
    await expect(client.createEvent(input)).rejects.toBeInstanceOf(CalendarAuthError);
    await expect(client.getEvent('AAMk-any')).rejects.toBeInstanceOf(CalendarAuthError);
    await expect(client.cancelEvent('AAMk-any', input)).rejects.toBeInstanceOf(CalendarAuthError);
    const refused = fake.tokenCalls('refresh_token').map((r) => r.status);
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused)).toEqual(new Set([400]));
    expect(stored).toEqual([]);
    expect(fake.graphCalls()).toHaveLength(0);
  });

  it('turns a token Graph rejects (401) into CalendarAuthError', async () => {
    const credentials = await connect();
    fake.expireAccessTokens();
    await expect(clientOn(credentials).busy(range)).rejects.toBeInstanceOf(CalendarAuthError);
  });

  it('turns unreadable credentials into CalendarAuthError', async () => {
    await expect(clientOn('{"kind":"other"}').busy(range)).rejects.toBeInstanceOf(
      CalendarAuthError,
    );
  });

  it('reports a token endpoint that fails (503) or hangs as unavailable, not as a refused grant', async () => {
    const credentials = await connect({ shortLived: true });
    fake.failNext(503, { match: /oauth2\/v2\.0\/token$/ });
    await expect(clientOn(credentials).busy(range)).rejects.toBeInstanceOf(
      CalendarUnavailableError,
    );
    fake.hang({ match: /oauth2\/v2\.0\/token$/ });
    const started = Date.now();
    await expect(clientOn(credentials).busy(range)).rejects.toBeInstanceOf(
      CalendarUnavailableError,
    );
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 500);
  });
});

describe('Microsoft Graph failures', () => {
  let client: CalendarClient;
  beforeEach(async () => {
    client = clientOn(await connect());
    fake.reset();
  });

  it.each([500, 502, 503, 429])('reports Graph %i as CalendarUnavailableError', async (status) => {
    fake.failNext(status);
    await expect(client.busy(range)).rejects.toBeInstanceOf(CalendarUnavailableError);
    fake.failNext(status);
    await expect(client.createEvent(input)).rejects.toBeInstanceOf(CalendarUnavailableError);
    // One request each: the SDK's own retries are off (the caller retries).
    expect(fake.graphCalls()).toHaveLength(2);
  });

  it('reports a Graph call that hangs past PARLEY_CALENDAR_TIMEOUT_MS as unavailable', async () => {
    fake.hang();
    const started = Date.now();
    await expect(client.busy(range)).rejects.toBeInstanceOf(CalendarUnavailableError);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(took).toBeLessThan(TIMEOUT_MS + 500);
  });

  it('reports slow answers past the timeout as unavailable, and answers within it normally', async () => {
    fake.setLatency(TIMEOUT_MS + 200);
    await expect(client.getEvent('AAMk-any')).rejects.toBeInstanceOf(CalendarUnavailableError);
    fake.setLatency(20);
    await expect(client.getEvent('AAMk-any')).resolves.toBeNull();
  });

  it('reports a failed cancel (500) as unavailable, and an event that is gone as done', async () => {
    const event = await client.createEvent(input);
    fake.failNext(500, { match: /\/cancel$/ });
    await expect(client.cancelEvent(event.eventId, input)).rejects.toBeInstanceOf(
      CalendarUnavailableError,
    );
    await expect(client.cancelEvent('AAMk-gone', input)).resolves.toBeUndefined();
  });

  it('reports a patch of an event that no longer exists as unavailable (nothing else escapes)', async () => {
    await expect(client.updateEvent('AAMk-gone', input)).rejects.toBeInstanceOf(
      CalendarUnavailableError,
    );
  });
});

describe('Microsoft unreachable', () => {
  it('reports a refused connection (Graph and the token endpoint) as unavailable', async () => {
    const valid = await connect();
    const expiring = await connect({ shortLived: true });
    await fake.close();
    await expect(clientOn(valid).busy(range)).rejects.toBeInstanceOf(CalendarUnavailableError);
    await expect(clientOn(expiring).getEvent('AAMk-any')).rejects.toBeInstanceOf(
      CalendarUnavailableError,
    );
    expect(stored).toEqual([]);
  });
});
