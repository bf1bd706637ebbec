import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFakeMicrosoft, type FakeMicrosoft } from '@/test/support/fake-microsoft';
import { CalendarAuthError } from '../types';
import { parseCredentials } from './credentials';
import { microsoftProvider } from './microsoft-provider';

let fake: FakeMicrosoft;
const redirectUri = 'https://parley.test/connect/microsoft/callback';

beforeAll(async () => {
  fake = await startFakeMicrosoft();
  for (const [name, value] of Object.entries({ ...fake.env, PARLEY_CALENDAR_TIMEOUT_MS: '1000' })) {
    vi.stubEnv(name, value);
  }
  fake.addAccount('jane.smith@contoso.example', 'Jane Smith');
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('Microsoft consent and code exchange', () => {
  it('is configured by the client id and secret', () => {
    expect(microsoftProvider.isConfigured()).toBe(true);
  });

  it('builds the consent URL on the authority with state, login hint, prompt and the calendar scopes', async () => {
    const url = new URL(
      await microsoftProvider.authorizeUrl({
        state: 'state-123',
        redirectUri,
        loginHint: 'jane.smith@contoso.example',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(`${fake.origin}/common/oauth2/v2.0/authorize`);
    expect(url.searchParams.get('client_id')).toBe(fake.env.MICROSOFT_CLIENT_ID);
    expect(url.searchParams.get('redirect_uri')).toBe(redirectUri);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('state')).toBe('state-123');
    expect(url.searchParams.get('login_hint')).toBe('jane.smith@contoso.example');
    // Microsoft refuses prompt=select_account beside an account hint.
    expect(url.searchParams.get('prompt')).toBeNull();
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['offline_access', 'Calendars.ReadWrite', 'User.Read', 'openid']),
    );
  });

  it('exchanges the callback code for the account address and a token cache holding the refresh token', async () => {
    const url = await microsoftProvider.authorizeUrl({
      state: 'state-abc',
      redirectUri,
      loginHint: 'jane.smith@contoso.example',
    });
    const callback = await fake.visitConsent(url);
    expect(callback.searchParams.get('state')).toBe('state-abc');
    const account = await microsoftProvider.exchangeCode({
      code: callback.searchParams.get('code')!,
      redirectUri,
    });
    expect(account).toMatchObject({ email: 'jane.smith@contoso.example', name: 'Jane Smith' });
    const credentials = parseCredentials(account.credentials);
    expect(credentials.email).toBe('jane.smith@contoso.example');
    const cache = JSON.parse(credentials.cache) as Record<string, Record<string, unknown>>;
    expect(Object.keys(cache.RefreshToken ?? {})).toHaveLength(1);
    expect(Object.keys(cache.Account ?? {})).toEqual([
      expect.stringContaining(credentials.homeAccountId),
    ]);
    const [exchange] = fake.tokenCalls('authorization_code');
    expect(new URLSearchParams(exchange!.body).get('redirect_uri')).toBe(redirectUri);
    expect(fake.graphCalls(/^GET \/v1\.0\/me$/)).toHaveLength(1);
  });

  it('asks to pick the account when there is no hint', async () => {
    const url = new URL(await microsoftProvider.authorizeUrl({ state: 's', redirectUri }));
    expect(url.searchParams.get('prompt')).toBe('select_account');
    expect(url.searchParams.get('login_hint')).toBeNull();
  });

  it('reports a denied consent on the callback as access_denied, with the state', async () => {
    fake.setConsent('deny');
    const url = await microsoftProvider.authorizeUrl({ state: 'state-deny', redirectUri });
    const callback = await fake.visitConsent(url);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe('state-deny');
    expect(callback.searchParams.get('code')).toBeNull();
  });

  it('refuses a code that is unknown or already redeemed with CalendarAuthError', async () => {
    const url = await microsoftProvider.authorizeUrl({ state: 's', redirectUri });
    const code = (await fake.visitConsent(url)).searchParams.get('code')!;
    await microsoftProvider.exchangeCode({ code, redirectUri });
    await expect(microsoftProvider.exchangeCode({ code, redirectUri })).rejects.toBeInstanceOf(
      CalendarAuthError,
    );
    await expect(
      microsoftProvider.exchangeCode({ code: 'made-up', redirectUri }),
    ).rejects.toBeInstanceOf(CalendarAuthError);
  });
});
