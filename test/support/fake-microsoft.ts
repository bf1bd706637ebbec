import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { graphRoute } from './fake-microsoft-graph';
import { authorize, openIdConfiguration, token, type Answer } from './fake-microsoft-identity';
import {
  fakeAccount,
  newState,
  teamsJoinUrl,
  type BusyItem,
  type FakeEvent,
  type RecordedRequest,
} from './fake-microsoft-state';
import { testTls } from './test-tls';

export type FakeMicrosoft = Awaited<ReturnType<typeof startFakeMicrosoft>>;
export type { BusyItem, FakeEvent, RecordedRequest };

type GraphResponse = 'accepted' | 'declined' | 'tentativelyAccepted' | 'none' | 'notResponded';

/**
 * A local Microsoft identity platform and Graph, over HTTPS (msal-node refuses anything else),
 * close enough to the real wire format that `@azure/msal-node` and
 * `@microsoft/microsoft-graph-client` talk to it unchanged: the authority's OpenID metadata, the
 * consent page (redirect with code and state, or `access_denied`), the token endpoint (code and
 * refresh grants, `client_info`, an id token, `invalid_grant` once revoked), and Graph's `/me`,
 * `/me/calendar/getSchedule` (at most 62 days) and `/me/events` (deduped on `transactionId`, with
 * a Teams `onlineMeeting.joinUrl`, optionally late). The certificate is test-tls.ts's.
 */
export async function startFakeMicrosoft() {
  const state = newState();
  const server = https.createServer(testTls(), (req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', origin);
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        json: safeJson(body),
      };
      state.requests.push(recorded);
      const fault = takeFault(`${recorded.method} ${recorded.path}`);
      if (fault?.kind === 'hang') return;
      const handled = !fault || fault.kind === 'lost' ? route(recorded) : undefined;
      const answer: Answer = fault
        ? {
            status: fault.status,
            json: { error: { code: 'ServiceUnavailable', message: `fault ${fault.status}` } },
          }
        : handled!;
      recorded.status = answer.status;
      setTimeout(() => {
        const headers: Record<string, string> = { ...answer.headers };
        if (answer.json !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
        res.writeHead(answer.status, headers);
        res.end(answer.json === undefined ? '' : JSON.stringify(answer.json));
      }, state.latencyMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `https://127.0.0.1:${port}`;

  function route(request: RecordedRequest): Answer {
    const { path } = request;
    if (path.startsWith('/v1.0/')) return graphRoute(state, request, path.slice('/v1.0'.length));
    const identity =
      /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/authorize|oauth2\/v2\.0\/token|discovery\/v2\.0\/keys)$/.exec(
        path,
      );
    const [, tenant, endpoint] = identity ?? [];
    if (tenant && endpoint?.startsWith('v2.0/.well-known'))
      return openIdConfiguration(origin, tenant);
    if (endpoint === 'oauth2/v2.0/authorize' && request.method === 'GET')
      return authorize(state, request.query);
    if (endpoint === 'oauth2/v2.0/token' && request.method === 'POST') {
      return token(state, origin, new URLSearchParams(request.body));
    }
    if (endpoint === 'discovery/v2.0/keys') return { status: 200, json: { keys: [] } };
    return {
      status: 404,
      json: { error: 'not_found', error_description: `${request.method} ${path}` },
    };
  }

  function takeFault(target: string) {
    const fault = state.faults.find((f) => f.match.test(target));
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) state.faults.splice(state.faults.indexOf(fault), 1);
    return fault;
  }

  const graphRequests = /^\w+ \/v1\.0\//;
  return {
    origin,
    state,
    /** The settings that point the app at this server (DESIGN §10). */
    env: {
      MICROSOFT_CLIENT_ID: state.clientId,
      MICROSOFT_CLIENT_SECRET: state.clientSecret,
      MICROSOFT_AUTHORITY: `${origin}/common`,
      MICROSOFT_GRAPH_URL: `${origin}/v1.0`,
    },
    requests: state.requests,
    /** Requests to Graph (optionally only those whose `METHOD path` matches). */
    graphCalls: (match?: RegExp) =>
      state.requests.filter(
        (r) =>
          graphRequests.test(`${r.method} ${r.path}`) &&
          (!match || match.test(`${r.method} ${r.path}`)),
      ),
    /** Requests to the token endpoint, by grant. */
    tokenCalls: (grant?: 'authorization_code' | 'refresh_token') =>
      state.requests.filter(
        (r) =>
          r.path.endsWith('/oauth2/v2.0/token') &&
          (!grant || new URLSearchParams(r.body).get('grant_type') === grant),
      ),
    addAccount(email: string, name: string) {
      const account = fakeAccount(email, name);
      state.accounts.set(account.email, account);
      return account;
    },
    setDefaultAccount(email: string) {
      state.defaultAccount = email.toLowerCase();
    },
    setConsent(answer: 'allow' | 'deny') {
      state.consent = answer;
    },
    /** Follows a consent URL as the browser would: the callback URL with code and state (or error). */
    async visitConsent(authorizeUrl: string): Promise<URL> {
      const response = await fetch(authorizeUrl, { redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status !== 302 || !location)
        throw new Error(`consent page answered ${response.status}`);
      return new URL(location);
    },
    setBusy(email: string, items: BusyItem[]) {
      state.busy.set(email.toLowerCase(), items);
    },
    setAttendeeResponse(eventId: string, email: string, response: GraphResponse) {
      const attendee = state.events
        .get(eventId)
        ?.attendees.find((a) => a.emailAddress.address.toLowerCase() === email.toLowerCase());
      if (!attendee) throw new Error(`no attendee ${email} on event ${eventId}`);
      attendee.status = { response, time: new Date().toISOString() };
    },
    /** The event cancelled in the calendar (it still reads, with `isCancelled`). */
    markCancelled(eventId: string) {
      const event = state.events.get(eventId);
      if (event) event.isCancelled = true;
    },
    setLateJoinUrls(isLate: boolean) {
      state.lateJoinUrls = isLate;
    },
    /** The Teams rooms of events made while links were late now exist. */
    releaseJoinUrls() {
      for (const event of state.events.values()) {
        if (event.isOnlineMeeting && !event.onlineMeeting)
          event.onlineMeeting = { joinUrl: teamsJoinUrl(event.id) };
      }
    },
    /** Events in `email`'s calendar (cancelled ones included), oldest first. */
    eventsOf: (email: string) =>
      [...state.events.values()].filter((e) => e.owner === email.toLowerCase()),
    setLatency(ms: number) {
      state.latencyMs = ms;
    },
    setTokenLifetime(seconds: number) {
      state.tokenLifetimeSeconds = seconds;
    },
    /** The next `times` matching requests (every Graph request by default) answer `status`. */
    failNext(status: number, options: { times?: number; match?: RegExp } = {}) {
      state.faults.push({
        kind: 'status',
        status,
        times: options.times ?? 1,
        match: options.match ?? graphRequests,
      });
    },
    /**
     * The next `times` matching requests are carried out (an event is made) but answered
     * `status`, as when Graph's reply is lost: the retry must not make a second event.
     */
    loseNextAnswer(status: number, options: { times?: number; match?: RegExp } = {}) {
      state.faults.push({
        kind: 'lost',
        status,
        times: options.times ?? 1,
        match: options.match ?? graphRequests,
      });
    },
    /** Lets the process exit while the server still listens (a suite-wide fake). */
    unref() {
      server.unref();
    },
    /** The next `times` matching requests never get an answer. */
    hang(options: { times?: number; match?: RegExp } = {}) {
      state.faults.push({
        kind: 'hang',
        status: 0,
        times: options.times ?? 1,
        match: options.match ?? graphRequests,
      });
    },
    /** Every refresh token issued so far is refused (`invalid_grant`), as after revoked consent. */
    revokeRefreshTokens(email?: string) {
      for (const [refreshToken, owner] of state.refreshTokens) {
        if (!email || owner === email.toLowerCase()) state.refreshTokens.delete(refreshToken);
      }
    },
    /** Every access token issued so far has expired. */
    expireAccessTokens() {
      for (const grant of state.accessTokens.values()) grant.expiresAt = 0;
    },
    /** Back to answering normally: no faults, latency, busy periods or recorded requests. */
    reset() {
      state.requests.length = 0;
      state.faults.length = 0;
      state.busy.clear();
      Object.assign(state, {
        latencyMs: 0,
        consent: 'allow',
        lateJoinUrls: false,
        tokenLifetimeSeconds: 3600,
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
