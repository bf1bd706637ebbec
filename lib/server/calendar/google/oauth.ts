import 'server-only';
import { auth } from '@googleapis/calendar';
import { env } from '@/lib/env';
import { CalendarAuthError, type ConnectedAccount, type Credentials } from '../types';
import { toCalendarError } from './errors';
import { withTimeout } from './timeout';

/** The Google settings of DESIGN §10, passed in so tests can aim a provider at a local server. */
export type GoogleSettings = {
  clientId: string;
  clientSecret: string;
  /** The consent page (`GOOGLE_OAUTH_URL`). */
  oauthUrl: string;
  /** The token endpoint (`GOOGLE_TOKEN_URL`). */
  tokenUrl: string;
  /** The API root (`GOOGLE_API_URL`): calendar/v3 and oauth2/v3/userinfo live under it. */
  apiUrl: string;
  /** Longest wait for one provider operation (`PARLEY_CALENDAR_TIMEOUT_MS`). */
  timeoutMs: number;
};

export function googleSettings(): GoogleSettings {
  const settings = env();
  return {
    clientId: settings.GOOGLE_CLIENT_ID ?? '',
    clientSecret: settings.GOOGLE_CLIENT_SECRET ?? '',
    oauthUrl: settings.GOOGLE_OAUTH_URL,
    tokenUrl: settings.GOOGLE_TOKEN_URL,
    apiUrl: settings.GOOGLE_API_URL,
    timeoutMs: settings.PARLEY_CALENDAR_TIMEOUT_MS,
  };
}

const EVENTS_SCOPE = 'https://www.googleapis.com/auth/calendar.events';
const FREEBUSY_SCOPE = 'https://www.googleapis.com/auth/calendar.freebusy';
/** Events (create, move, cancel) and free/busy, plus the account's address (`openid email`). */
export const GOOGLE_SCOPES = ['openid', 'email', EVENTS_SCOPE, FREEBUSY_SCOPE];

export type OAuthClient = InstanceType<typeof auth.OAuth2>;
type Tokens = OAuthClient['credentials'];

/** The SDK's own OAuth2 client, aimed at the configured endpoints. */
export function newOAuthClient(settings: GoogleSettings, redirectUri?: string): OAuthClient {
  return new auth.OAuth2({
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    redirectUri,
    endpoints: { oauth2AuthBaseUrl: settings.oauthUrl, oauth2TokenUrl: settings.tokenUrl },
    // A 401 with a stored expiry still gets one refresh before it counts as refused.
    forceRefreshOnFailure: true,
    transporterOptions: { timeout: settings.timeoutMs },
  });
}

export function authorizeUrl(
  settings: GoogleSettings,
  params: { state: string; redirectUri: string; loginHint?: string },
): string {
  return newOAuthClient(settings, params.redirectUri).generateAuthUrl({
    // A refresh token every time: the person may be reconnecting after revoking access.
    access_type: 'offline',
    prompt: 'consent',
    scope: GOOGLE_SCOPES,
    include_granted_scopes: true,
    state: params.state,
    ...(params.loginHint ? { login_hint: params.loginHint } : {}),
  });
}

/** The callback's code → the account's address and its tokens (serialized). */
export async function exchangeCode(
  settings: GoogleSettings,
  params: { code: string; redirectUri: string },
): Promise<ConnectedAccount> {
  const oauth = newOAuthClient(settings, params.redirectUri);
  try {
    return await withTimeout(settings.timeoutMs, 'exchanging the consent code', async () => {
      const { tokens } = await oauth.getToken({ code: params.code });
      if (!tokens.refresh_token) {
        throw new CalendarAuthError('Google returned no refresh token (offline access refused).');
      }
      const granted = new Set((tokens.scope ?? '').split(/\s+/));
      const missing = [EVENTS_SCOPE, FREEBUSY_SCOPE].filter((s) => !granted.has(s));
      if (tokens.scope && missing.length > 0) {
        throw new CalendarAuthError(
          `Google consent did not grant calendar access (${missing.join(', ')}).`,
        );
      }
      oauth.setCredentials(tokens);
      const identity = claimsOf(tokens.id_token) ?? (await readUserInfo(oauth, settings));
      if (!identity.email) throw new CalendarAuthError('Google did not share the account address.');
      return {
        email: identity.email.toLowerCase(),
        name: identity.name ?? null,
        credentials: serializeTokens(tokens),
      };
    });
  } catch (error) {
    throw toCalendarError(error, 'exchanging the consent code');
  }
}

type Identity = { email?: string; name?: string };

/**
 * The id token came straight from the token endpoint over TLS, so its claims are read without
 * checking the signature (OpenID Connect Core §3.1.3.7).
 */
function claimsOf(idToken: string | null | undefined): Identity | null {
  const payload = idToken?.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Identity;
    return typeof claims.email === 'string' ? claims : null;
  } catch {
    return null;
  }
}

async function readUserInfo(oauth: OAuthClient, settings: GoogleSettings): Promise<Identity> {
  const res = await oauth.request<Identity>({
    url: new URL('/oauth2/v3/userinfo', settings.apiUrl).href,
    retry: false,
  });
  return res.data;
}

/** What Parley stores (encrypted) for a Google connection. */
type StoredTokens = { refreshToken: string; accessToken: string | null; expiresAt: number | null };

export function serializeTokens(tokens: Tokens): Credentials {
  const stored: StoredTokens = {
    refreshToken: tokens.refresh_token ?? '',
    accessToken: tokens.access_token ?? null,
    expiresAt: tokens.expiry_date ?? null,
  };
  return JSON.stringify(stored);
}

export function parseTokens(credentials: Credentials): Tokens {
  let stored: Partial<StoredTokens>;
  try {
    stored = JSON.parse(credentials) as Partial<StoredTokens>;
  } catch {
    throw new CalendarAuthError('The stored Google credentials are unreadable.');
  }
  if (!stored.refreshToken)
    throw new CalendarAuthError('The stored Google grant has no refresh token.');
  return {
    refresh_token: stored.refreshToken,
    access_token: stored.accessToken ?? null,
    expiry_date: stored.expiresAt ?? null,
    token_type: 'Bearer',
  };
}
