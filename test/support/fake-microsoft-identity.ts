import { randomId, type FakeAccount, type FakeState } from './fake-microsoft-state';

/** An answer of the fake: status, JSON body (or none), extra headers. */
export type Answer = { status: number; json?: unknown; headers?: Record<string, string> };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** `GET {authority}/v2.0/.well-known/openid-configuration`, as login.microsoftonline.com words it. */
export function openIdConfiguration(origin: string, tenant: string): Answer {
  const base = `${origin}/${tenant}`;
  return {
    status: 200,
    json: {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: [
        'client_secret_post',
        'private_key_jwt',
        'client_secret_basic',
      ],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${origin}/{tenantid}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${origin}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'nonce',
        'preferred_username',
        'name',
        'tid',
        'oid',
        'email',
      ],
      tenant_region_scope: null,
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
    },
  };
}

/**
 * The consent page: signs in the hinted (or default) account and returns to `redirect_uri` with a
 * one-time code and the state — or `error=access_denied` when consent is set to be refused.
 */
export function authorize(state: FakeState, query: URLSearchParams): Answer {
  const redirectUri = query.get('redirect_uri');
  if (query.get('client_id') !== state.clientId || !redirectUri) {
    return {
      status: 400,
      json: {
        error: 'invalid_request',
        error_description: 'AADSTS700016: unknown client or redirect_uri',
      },
    };
  }
  const back = new URL(redirectUri);
  const returned = query.get('state');
  if (returned !== null) back.searchParams.set('state', returned);
  if (state.consent === 'deny') {
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set(
      'error_description',
      'AADSTS65004: User declined to consent to access the app.',
    );
    return { status: 302, headers: { location: back.toString() } };
  }
  const hint = query.get('login_hint')?.toLowerCase();
  const email = hint && state.accounts.has(hint) ? hint : state.defaultAccount;
  const code = randomId('M.C-code-');
  state.codes.set(code, {
    email,
    redirectUri,
    scope: query.get('scope') ?? '',
    nonce: query.get('nonce'),
  });
  back.searchParams.set('code', code);
  return { status: 302, headers: { location: back.toString() } };
}

function tokenError(error: string, description: string, status = 400): Answer {
  return {
    status,
    json: {
      error,
      error_description: description,
      error_codes: [70008],
      timestamp: new Date().toISOString(),
      trace_id: randomId(''),
      correlation_id: randomId(''),
    },
  };
}

/** `POST {authority}/oauth2/v2.0/token`: the `authorization_code` and `refresh_token` grants. */
export function token(state: FakeState, origin: string, form: URLSearchParams): Answer {
  if (
    form.get('client_id') !== state.clientId ||
    form.get('client_secret') !== state.clientSecret
  ) {
    return tokenError('invalid_client', 'AADSTS7000215: Invalid client secret provided.', 401);
  }
  const grant = form.get('grant_type');
  if (grant === 'authorization_code') {
    const code = state.codes.get(form.get('code') ?? '');
    state.codes.delete(form.get('code') ?? '');
    if (!code || code.redirectUri !== form.get('redirect_uri')) {
      return tokenError(
        'invalid_grant',
        'AADSTS70008: The provided authorization code or refresh token has expired or was already redeemed.',
      );
    }
    return issue(
      state,
      origin,
      state.accounts.get(code.email)!,
      form.get('scope') ?? code.scope,
      code.nonce,
    );
  }
  if (grant === 'refresh_token') {
    const old = form.get('refresh_token') ?? '';
    const email = state.refreshTokens.get(old);
    if (!email) {
      return tokenError(
        'invalid_grant',
        'AADSTS70000: The provided grant has been revoked or has expired.',
      );
    }
    // A new refresh token comes with every refresh; as with Microsoft, the old one stays valid
    // (until revoked), so two processes refreshing at once do not lock each other out.
    return issue(state, origin, state.accounts.get(email)!, form.get('scope') ?? '', null);
  }
  return tokenError(
    'unsupported_grant_type',
    `AADSTS70003: grant ${grant ?? ''} is not supported.`,
  );
}

function issue(
  state: FakeState,
  origin: string,
  account: FakeAccount,
  scope: string,
  nonce: string | null,
): Answer {
  const accessToken = randomId('eyJ0eXAi.fake-access-');
  const refreshToken = randomId('M.R3_fake-refresh-');
  const lifetime = state.tokenLifetimeSeconds;
  state.accessTokens.set(accessToken, {
    email: account.email,
    expiresAt: Date.now() + lifetime * 1000,
  });
  state.refreshTokens.set(refreshToken, account.email);
  const now = Math.floor(Date.now() / 1000);
  const idToken = [
    b64({ typ: 'JWT', alg: 'RS256', kid: 'fake-key' }),
    b64({
      aud: state.clientId,
      iss: `${origin}/${account.tid}/v2.0`,
      iat: now,
      nbf: now,
      exp: now + 3600,
      name: account.name,
      oid: account.oid,
      preferred_username: account.email,
      email: account.email,
      sub: account.oid,
      tid: account.tid,
      ver: '2.0',
      ...(nonce ? { nonce } : {}),
    }),
    Buffer.from('not-signed').toString('base64url'),
  ].join('.');
  return {
    status: 200,
    json: {
      token_type: 'Bearer',
      scope: scope
        .split(' ')
        .filter((s) => s && s !== 'offline_access')
        .join(' '),
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: accessToken,
      refresh_token: refreshToken,
      id_token: idToken,
      client_info: b64({ uid: account.oid, utid: account.tid }),
    },
  };
}
