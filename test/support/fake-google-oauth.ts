import { randomBytes } from 'node:crypto';
import type { Answer } from './fake-google-calendar';

/**
 * The OAuth side of the local Google server (test/support/fake-google.ts): the consent page's
 * redirect, the token endpoint (authorization_code and refresh_token grants, id tokens,
 * `invalid_grant` for codes and revoked grants) and the bearer tokens the API accepts.
 */
type Grant = { email: string; scope: string };

export const FAKE_CLIENT_ID = 'parley-test.apps.googleusercontent.com';
export const FAKE_CLIENT_SECRET = 'fake-google-client-secret';
export const GRANTED_SCOPE =
  'openid https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/calendar.events https://www.googleapis.com/auth/calendar.freebusy';

const oauthError = (status: number, error: string, description: string): Answer => ({
  status,
  body: { error, error_description: description },
});

export class FakeGoogleAuth {
  private readonly codes = new Map<string, Grant & { redirectUri: string }>();
  private readonly refreshTokens = new Map<string, Grant & { isRevoked: boolean }>();
  private readonly accessTokens = new Map<
    string,
    Grant & { expiresAt: number; refreshToken: string }
  >();
  accessTokenSeconds = 3599;
  denyNextConsent = false;
  scope = GRANTED_SCOPE;
  defaultAccount = 'organizer@example.com';

  private issueAccessToken(grant: Grant, refreshToken: string): string {
    const token = `ya29.${randomBytes(12).toString('hex')}`;
    this.accessTokens.set(token, {
      ...grant,
      refreshToken,
      expiresAt: Date.now() + this.accessTokenSeconds * 1000,
    });
    return token;
  }

  /** An OpenID id token as Google's token endpoint returns it (the signature is not real). */
  private idToken(email: string): string {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    return [
      part({ alg: 'RS256', kid: 'fake-google', typ: 'JWT' }),
      part({
        iss: 'https://accounts.google.com',
        aud: FAKE_CLIENT_ID,
        azp: FAKE_CLIENT_ID,
        sub: String(Buffer.from(email).readUIntBE(0, 6)),
        email,
        email_verified: true,
        iat: now,
        exp: now + 3600,
      }),
      'ZmFrZS1zaWduYXR1cmU',
    ].join('.');
  }

  /** `GET /o/oauth2/v2/auth`: the person consents at once and is sent back with a code. */
  authorize(query: URLSearchParams): { status: number; location?: string; body?: unknown } {
    const redirect = query.get('redirect_uri');
    if (query.get('client_id') !== FAKE_CLIENT_ID || !redirect) {
      return { status: 400, body: 'Error 400: invalid_request' };
    }
    const target = new URL(redirect);
    if (query.get('state')) target.searchParams.set('state', query.get('state')!);
    if (this.denyNextConsent) {
      this.denyNextConsent = false;
      target.searchParams.set('error', 'access_denied');
      return { status: 302, location: target.href };
    }
    const code = `4/${randomBytes(16).toString('hex')}`;
    const email = (query.get('login_hint') ?? this.defaultAccount).toLowerCase();
    this.codes.set(code, { email, scope: this.scope, redirectUri: redirect });
    target.searchParams.set('code', code);
    target.searchParams.set('scope', this.scope);
    return { status: 302, location: target.href };
  }

  /** `POST /token`. */
  token(form: URLSearchParams): Answer {
    if (
      form.get('client_id') !== FAKE_CLIENT_ID ||
      form.get('client_secret') !== FAKE_CLIENT_SECRET
    ) {
      return oauthError(401, 'invalid_client', 'The OAuth client was not found.');
    }
    if (form.get('grant_type') === 'authorization_code') {
      const grant = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      if (!grant) return oauthError(400, 'invalid_grant', 'Malformed auth code.');
      if (grant.redirectUri !== form.get('redirect_uri')) {
        return oauthError(400, 'redirect_uri_mismatch', 'Bad Request');
      }
      const refreshToken = `1//${randomBytes(16).toString('hex')}`;
      this.refreshTokens.set(refreshToken, { ...grant, isRevoked: false });
      return {
        status: 200,
        body: {
          access_token: this.issueAccessToken(grant, refreshToken),
          expires_in: this.accessTokenSeconds,
          refresh_token: refreshToken,
          scope: grant.scope,
          token_type: 'Bearer',
          id_token: this.idToken(grant.email),
        },
      };
    }
    if (form.get('grant_type') === 'refresh_token') {
      const refreshToken = form.get('refresh_token') ?? '';
      const grant = this.refreshTokens.get(refreshToken);
      if (!grant || grant.isRevoked) {
        return oauthError(400, 'invalid_grant', 'Token has been expired or revoked.');
      }
      return {
        status: 200,
        body: {
          access_token: this.issueAccessToken(grant, refreshToken),
          expires_in: this.accessTokenSeconds,
          scope: grant.scope,
          token_type: 'Bearer',
          id_token: this.idToken(grant.email),
        },
      };
    }
    return oauthError(400, 'unsupported_grant_type', 'Invalid grant_type.');
  }

  /** The account an `Authorization` header speaks for, or null (expired, unknown, revoked). */
  accountOf(authorization: string | undefined): string | null {
    const bearer = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const grant = bearer ? this.accessTokens.get(bearer) : undefined;
    if (!grant || grant.expiresAt <= Date.now()) return null;
    if (this.refreshTokens.get(grant.refreshToken)?.isRevoked) return null;
    return grant.email;
  }

  /** Refresh tokens (and their access tokens) of `email`, or of everyone, stop working. */
  revoke(email?: string): void {
    for (const grant of this.refreshTokens.values()) {
      if (!email || grant.email === email.toLowerCase()) grant.isRevoked = true;
    }
  }
}
