import { afterAll, describe, expect, it } from 'vitest';
import { call } from '../support/api';
import { childDatabase, startChildApp, type ChildApp } from '../support/child-app';
import { newOrganization } from '../support/factories';

/**
 * DESIGN §2 rate limits, on `npm start` processes of their own with low limits (the in-process
 * app of the other suites has limits no test reaches). Fixed one-minute windows: each test starts
 * early enough in a minute to finish inside it.
 */
const isPostgres = process.env.PARLEY_TEST_DB === 'postgres';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freshWindow(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 40_000) await sleep(60_000 - intoMinute + 200);
}

type Hit = { status: number; headers: Headers; body: any };
async function send(
  app: ChildApp,
  path: string,
  headers: Record<string, string> = {},
): Promise<Hit> {
  const res = await fetch(`${app.baseUrl}${path}`, { headers });
  return { status: res.status, headers: res.headers, body: await res.json() };
}
const keyHeaders = (app: ChildApp) => ({
  'x-api-key': app.credentials!.apiKey,
  'x-organization-id': app.credentials!.organizationId,
});
const token = (n: number | string) => `UnknownBookingToken_${n}_${Date.now()}`;

function expectLimited(hit: Hit, limit: number): void {
  expect(hit.status).toBe(429);
  expect(hit.body.error.code).toBe('rate_limited');
  expect(hit.headers.get('x-ratelimit-limit')).toBe(String(limit));
  expect(hit.headers.get('x-ratelimit-remaining')).toBe('0');
  const retryAfter = Number(hit.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const reset = Number(hit.headers.get('x-ratelimit-reset'));
  expect(reset - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(61);
  expect(reset % 60).toBe(0);
}

describe('rate limits', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('puts the three x-ratelimit headers on every API response', async () => {
    const api = await newOrganization();
    for (const res of [
      await api.get('/v1/campaigns'),
      await api.get('/v1/campaigns/not-an-id'),
      await api.post('/v1/campaigns', { channel: 'FAX' }),
      await call('GET', '/v1/campaigns'),
      await call('GET', '/v1/booking/NoSuchBookingTokenAtAll_12345'),
    ]) {
      expect(res.headers.get('x-ratelimit-limit')).toBe('1000000');
      expect(Number(res.headers.get('x-ratelimit-remaining'))).toBeLessThan(1000000);
      expect(Number(res.headers.get('x-ratelimit-reset')) % 60).toBe(0);
      expect(res.headers.get('retry-after')).toBeNull();
    }
  });

  it('limits each API key, each booking token and each client address, X-Forwarded-For untrusted', async () => {
    const database = await childDatabase();
    cleanups.push(database.drop);
    const app = await startChildApp({
      ...database.env,
      PARLEY_DEMO_SEED: '1',
      PARLEY_API_RATE_LIMIT: '5',
      PARLEY_PUBLIC_RATE_LIMIT: '3',
    });
    cleanups.push(() => app.stop());
    await freshWindow();

    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const hit = await send(app, '/v1/campaigns', keyHeaders(app));
      expect(hit.status).toBe(200);
      expect(hit.headers.get('x-ratelimit-limit')).toBe('5');
      remaining.push(hit.headers.get('x-ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    expectLimited(await send(app, '/v1/campaigns', keyHeaders(app)), 5);
    // Whatever the path: the key is over its limit.
    expectLimited(await send(app, '/v1/conversations', keyHeaders(app)), 5);

    // Public endpoints: a client cannot claim another address (no proxy is trusted by default).
    for (let i = 0; i < 3; i++) {
      const hit = await send(app, `/v1/booking/${token(i)}`, {
        'x-forwarded-for': `203.0.113.${i}`,
      });
      expect(hit.status).toBe(404);
      expect(hit.headers.get('x-ratelimit-remaining')).toBe(String(2 - i));
    }
    expectLimited(
      await send(app, `/v1/booking/${token('x')}`, { 'x-forwarded-for': '198.51.100.7' }),
      3,
    );
    // Guessing API keys counts against the address too.
    expectLimited(await send(app, '/v1/campaigns', { 'x-api-key': 'pk_guess' }), 3);
  }, 180_000);

  it.runIf(isPostgres)(
    'shares every counter between two app processes on one database',
    async () => {
      const database = await childDatabase();
      cleanups.push(database.drop);
      const settings = {
        ...database.env,
        PARLEY_API_RATE_LIMIT: '6',
        PARLEY_PUBLIC_RATE_LIMIT: '4',
        // Behind one proxy: the client address is the last X-Forwarded-For entry.
        PARLEY_TRUST_PROXY_HOPS: '1',
      };
      const first = await startChildApp({ ...settings, PARLEY_DEMO_SEED: '1' });
      cleanups.push(() => first.stop());
      const second = await startChildApp({ ...settings, PARLEY_DEMO_SEED: '0' });
      cleanups.push(() => second.stop());
      const apps = [first, second];
      const headers = keyHeaders(first);
      await freshWindow();

      for (let i = 0; i < 6; i++) {
        const hit = await send(apps[i % 2]!, '/v1/campaigns', headers);
        expect(hit.status, `request ${i}`).toBe(200);
        expect(hit.headers.get('x-ratelimit-remaining')).toBe(String(5 - i));
      }
      expectLimited(await send(first, '/v1/campaigns', headers), 6);
      expectLimited(await send(second, '/v1/campaigns', headers), 6);

      // One booking token, four client addresses (two per process): the token's limit.
      const shared = token('shared');
      for (let i = 0; i < 4; i++) {
        const hit = await send(apps[i % 2]!, `/v1/booking/${shared}`, {
          'x-forwarded-for': `10.9.9.9, 203.0.113.${i}`,
        });
        expect(hit.status, `token request ${i}`).toBe(404);
      }
      expectLimited(
        await send(second, `/v1/booking/${shared}/slots`, { 'x-forwarded-for': '203.0.113.99' }),
        4,
      );

      // One client address, four booking tokens: the address's limit.
      for (let i = 0; i < 4; i++) {
        const hit = await send(apps[i % 2]!, `/v1/booking/${token(`a${i}`)}`, {
          'x-forwarded-for': '198.51.100.1',
        });
        expect(hit.status, `address request ${i}`).toBe(404);
      }
      expectLimited(
        await send(first, `/v1/booking/${token('a-last')}`, { 'x-forwarded-for': '198.51.100.1' }),
        4,
      );
      // Another address still gets through.
      const other = await send(first, `/v1/booking/${token('b')}`, {
        'x-forwarded-for': '198.51.100.2',
      });
      expect(other.status).toBe(404);
    },
    240_000,
  );
});
