import 'server-only';
import { CalendarAuthError, type Credentials } from '../types';
import { toCalendarError } from './errors';
import { GRAPH_SCOPES, cacheBox, msalApp } from './msal-app';
import { withTimeout } from './timeout';

/**
 * A Microsoft connection's credentials (JSON, stored encrypted): msal's serialized token cache —
 * which holds the refresh token; msal never hands it out otherwise — and the account in it.
 */
export type MicrosoftCredentials = {
  kind: 'msal';
  /** `ConfidentialClientApplication.getTokenCache().serialize()`. */
  cache: string;
  homeAccountId: string;
  /** The account's address, lower-cased (its schedule is the one asked for busy periods). */
  email: string;
};

export function serializeCredentials(value: MicrosoftCredentials): Credentials {
  return JSON.stringify(value);
}

export function parseCredentials(stored: Credentials): MicrosoftCredentials {
  let value: Partial<MicrosoftCredentials> | null = null;
  try {
    value = JSON.parse(stored) as Partial<MicrosoftCredentials>;
  } catch {
    value = null;
  }
  if (
    value?.kind !== 'msal' ||
    typeof value.cache !== 'string' ||
    typeof value.homeAccountId !== 'string' ||
    typeof value.email !== 'string'
  ) {
    throw new CalendarAuthError('The stored Microsoft credentials are unreadable.');
  }
  return value as MicrosoftCredentials;
}

/**
 * A Graph access token for the connection: from the cache while valid, else refreshed by msal
 * (`acquireTokenSilent`), in which case the new cache is handed to `onCredentials` first.
 */
export async function acquireGraphToken(
  stored: MicrosoftCredentials,
  onCredentials: (next: Credentials) => Promise<void>,
): Promise<{ accessToken: string; credentials: MicrosoftCredentials }> {
  const box = cacheBox(stored.cache);
  let accessToken: string;
  try {
    const app = await msalApp(box);
    const account = await app.getTokenCache().getAccountByHomeId(stored.homeAccountId);
    if (!account) throw new CalendarAuthError('The Microsoft account is not in its token cache.');
    const result = await withTimeout(app.acquireTokenSilent({ account, scopes: GRAPH_SCOPES }));
    accessToken = result.accessToken;
  } catch (error) {
    throw toCalendarError(error, 'token refresh');
  }
  if (!box.hasChanged()) return { accessToken, credentials: stored };
  const credentials = { ...stored, cache: box.current() };
  await onCredentials(serializeCredentials(credentials));
  return { accessToken, credentials };
}
