import type { ConnectedAccount } from '@/lib/server/calendar/types';
import type { FakeMicrosoft } from './fake-microsoft';

/**
 * What the connect flow does with Microsoft, against the fake: the consent URL, the person's
 * visit (the fake signs in `loginHint`'s account), the callback's code exchanged for tokens.
 */
export async function connectMicrosoftAccount(
  fake: FakeMicrosoft,
  options: { loginHint?: string; redirectUri?: string } = {},
): Promise<ConnectedAccount> {
  const { microsoftProvider } = await import('@/lib/server/calendar/microsoft/microsoft-provider');
  const redirectUri = options.redirectUri ?? 'http://127.0.0.1/connect/microsoft/callback';
  const url = await microsoftProvider.authorizeUrl({
    state: 'test-state',
    redirectUri,
    ...(options.loginHint ? { loginHint: options.loginHint } : {}),
  });
  const callback = await fake.visitConsent(url);
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`consent refused: ${callback.toString()}`);
  return microsoftProvider.exchangeCode({ code, redirectUri });
}
