import 'server-only';
import type * as Graph from '@microsoft/microsoft-graph-types';
import { env } from '@/lib/env';
import { CalendarAuthError, type CalendarProvider, type ConnectedAccount } from '../types';
import { serializeCredentials } from './credentials';
import { toCalendarError } from './errors';
import { graph } from './graph-call';
import { microsoftClient } from './microsoft-client';
import { CONSENT_SCOPES, cacheBox, msalApp } from './msal-app';
import { withTimeout } from './timeout';

/** Microsoft 365 through `@azure/msal-node` and `@microsoft/microsoft-graph-client` (DESIGN §6). */
export const microsoftProvider: CalendarProvider = {
  name: 'MICROSOFT',
  isConfigured: () => Boolean(env().MICROSOFT_CLIENT_ID && env().MICROSOFT_CLIENT_SECRET),
  authorizeUrl: async ({ state, redirectUri, loginHint }) => {
    try {
      const app = await msalApp();
      return await withTimeout(
        app.getAuthCodeUrl({
          scopes: CONSENT_SCOPES,
          redirectUri,
          state,
          // Microsoft refuses an account hint beside prompt=select_account: one or the other.
          ...(loginHint ? { loginHint } : { prompt: 'select_account' }),
        }),
      );
    } catch (error) {
      throw toCalendarError(error, 'consent URL');
    }
  },
  exchangeCode: ({ code, redirectUri }) => exchangeCode(code, redirectUri),
  client: (credentials, onCredentials) => microsoftClient(credentials, onCredentials),
};

/**
 * The callback's code for tokens (kept in a fresh msal cache, which becomes the credentials) and
 * the account's address: Graph `/me` (`mail`, else the sign-in name), else the id token's.
 */
async function exchangeCode(code: string, redirectUri: string): Promise<ConnectedAccount> {
  const box = cacheBox(null);
  let result;
  try {
    const app = await msalApp(box);
    result = await withTimeout(
      app.acquireTokenByCode({ code, redirectUri, scopes: CONSENT_SCOPES }),
    );
  } catch (error) {
    throw toCalendarError(error, 'code exchange');
  }
  const account = result.account;
  if (!account) throw new CalendarAuthError('Microsoft returned no account for the code.');
  const me = await graph(
    () => Promise.resolve(result.accessToken),
    'read the account',
    async (api) =>
      (await api('/me').select('mail,userPrincipalName,displayName').get()) as Graph.User,
  );
  const email = (me.mail ?? me.userPrincipalName ?? account.username).trim().toLowerCase();
  if (!email) throw new CalendarAuthError('The Microsoft account has no address.');
  return {
    email,
    name: me.displayName ?? account.name ?? null,
    credentials: serializeCredentials({
      kind: 'msal',
      cache: box.current(),
      homeAccountId: account.homeAccountId,
      email,
    }),
  };
}
