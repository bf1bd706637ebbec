import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { busyPeriods, FakeCalendars, googleError, type Answer } from './fake-google-calendar';
import {
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  FakeGoogleAuth,
  GRANTED_SCOPE,
} from './fake-google-oauth';

/**
 * A local Google (consent page, token endpoint, userinfo, Calendar API v3) that the real
 * `@googleapis/calendar` SDK and its `auth.OAuth2` talk to unchanged, through the GOOGLE_* settings
 * of DESIGN §10. Knobs let tests make it slow, fail, hang, revoke grants or hold Meet rooms back.
 */
export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
  at: number;
};

type Fault = {
  status: number | 'hang';
  path: string;
  count: number;
  afterEffect: boolean;
  /** Only requests whose (parsed) body passes. */
  when?: (body: any) => boolean;
};
export { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET };

export type FakeGoogle = Awaited<ReturnType<typeof startFakeGoogle>>;

export async function startFakeGoogle(options: { latencyMs?: number } = {}) {
  const calendars = new FakeCalendars();
  const oauth = new FakeGoogleAuth();
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const hanging = new Set<http.ServerResponse>();
  const state = { latencyMs: options.latencyMs ?? 0 };

  function api(req: http.IncomingMessage, url: URL, body: any): Answer {
    const account = oauth.accountOf(req.headers.authorization);
    if (!account) {
      return googleError(401, 'authError', 'Request had invalid authentication credentials.');
    }
    const path = url.pathname;
    if (path === '/oauth2/v3/userinfo' && req.method === 'GET') {
      return { status: 200, body: { sub: '1', email: account, email_verified: true } };
    }
    if (path === '/calendar/v3/freeBusy' && req.method === 'POST') {
      return calendars.freeBusy(account, body);
    }
    const match = /^\/calendar\/v3\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(path);
    if (!match) return googleError(404, 'notFound', 'Not Found');
    const calendarId = decodeURIComponent(match[1]!).toLowerCase();
    if (calendarId !== 'primary' && calendarId !== account) {
      return googleError(404, 'notFound', 'Not Found');
    }
    const eventId = match[2] ? decodeURIComponent(match[2]) : undefined;
    if (!eventId && req.method === 'POST') return calendars.insert(account, url.searchParams, body);
    if (eventId && req.method === 'GET') return calendars.get(account, eventId);
    if (eventId && req.method === 'PATCH') {
      return calendars.patch(account, eventId, url.searchParams, body);
    }
    if (eventId && req.method === 'DELETE') return calendars.delete(account, eventId);
    return googleError(405, 'httpMethodNotAllowed', 'Method Not Allowed');
  }

  function takeFault(path: string, body: unknown): Fault | undefined {
    const fault = faults.find((f) => path.includes(f.path) && (!f.when || f.when(body)));
    if (!fault) return undefined;
    if (--fault.count <= 0) faults.splice(faults.indexOf(fault), 1);
    return fault;
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake-google');
      const text = Buffer.concat(chunks).toString('utf8');
      const isForm = (req.headers['content-type'] ?? '').includes('x-www-form-urlencoded');
      let body: any = null;
      try {
        body = isForm ? new URLSearchParams(text) : text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body: isForm ? Object.fromEntries(body as URLSearchParams) : body,
        at: Date.now(),
      });
      const fault = takeFault(url.pathname, body);
      setTimeout(() => {
        if (fault?.status === 'hang' && !fault.afterEffect) return void hanging.add(res);
        if (fault && !fault.afterEffect) return void send(res, failure(fault.status as number));
        let answer: Answer;
        if (url.pathname === '/o/oauth2/v2/auth') {
          const consent = oauth.authorize(url.searchParams);
          if (consent.location) {
            res.writeHead(302, { location: consent.location });
            return void res.end();
          }
          answer = { status: consent.status, body: consent.body };
        } else if (url.pathname === '/token' && req.method === 'POST') {
          answer = oauth.token(body instanceof URLSearchParams ? body : new URLSearchParams());
        } else {
          answer = api(req, url, body);
        }
        if (fault?.status === 'hang') return void hanging.add(res);
        send(res, fault ? failure(fault.status) : answer);
      }, state.latencyMs);
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    /** The GOOGLE_* settings (DESIGN §10) that aim the app at this server. */
    env: {
      GOOGLE_CLIENT_ID: FAKE_CLIENT_ID,
      GOOGLE_CLIENT_SECRET: FAKE_CLIENT_SECRET,
      GOOGLE_OAUTH_URL: `${url}/o/oauth2/v2/auth`,
      GOOGLE_TOKEN_URL: `${url}/token`,
      GOOGLE_API_URL: url,
    },
    requests,
    calendars,
    /** Calendar API requests only (what "provider calls" counts). */
    apiRequests: () => requests.filter((r) => r.path.startsWith('/calendar/')),
    setLatency: (ms: number) => void (state.latencyMs = ms),
    /** Access tokens it issues from now on live this long (0: expired at once). */
    setAccessTokenLifetime: (seconds: number) => void (oauth.accessTokenSeconds = seconds),
    /** The account the consent page signs in when no login_hint names one. */
    setDefaultAccount: (email: string) => void (oauth.defaultAccount = email.toLowerCase()),
    /** The scopes the next consents grant (a person may untick some). */
    setGrantedScope: (scope: string = GRANTED_SCOPE) => void (oauth.scope = scope),
    denyNextConsent: () => void (oauth.denyNextConsent = true),
    /**
     * The next `count` requests whose path contains `path` answer `status` (Google's error body).
     * With `afterEffect` the request is carried out first and only its answer is lost.
     */
    failNext: (status: number, o: { path?: string; count?: number; afterEffect?: boolean } = {}) =>
      void faults.push({
        status,
        path: o.path ?? '/',
        count: o.count ?? 1,
        afterEffect: o.afterEffect ?? false,
      }),
    /** The next `count` matching requests (`when` their body passes) never get an answer. */
    hang: (
      o: {
        path?: string;
        count?: number;
        afterEffect?: boolean;
        when?: (body: any) => boolean;
      } = {},
    ) =>
      void faults.push({
        status: 'hang',
        path: o.path ?? '/',
        count: o.count ?? 1,
        afterEffect: o.afterEffect ?? false,
        when: o.when,
      }),
    clearFaults: () => void faults.splice(0),
    setBusy: (
      email: string,
      intervals: { start: Date | string | number; end: Date | string | number }[],
    ) =>
      void calendars.busy.set(
        email.toLowerCase(),
        busyPeriods(
          intervals.map((i) => ({
            start: new Date(i.start).getTime(),
            end: new Date(i.end).getTime(),
          })),
        ),
      ),
    /** Events of `owner`'s primary calendar. */
    eventsOf: (owner: string) => [...(calendars.events.get(owner.toLowerCase())?.values() ?? [])],
    setAttendeeResponse: (
      owner: string,
      eventId: string,
      email: string,
      response: 'accepted' | 'declined' | 'tentative' | 'needsAction',
    ) => {
      const event = calendars.events.get(owner.toLowerCase())?.get(eventId);
      const attendee = event?.attendees?.find((a) => a.email === email.toLowerCase());
      if (!attendee) throw new Error(`no attendee ${email} on ${eventId}`);
      attendee.responseStatus = response;
    },
    /** Refresh tokens (and their access tokens) of `email`, or of everyone, stop working. */
    revokeRefreshTokens: (email?: string) => oauth.revoke(email),
    holdConferences: (isHeld = true) => void (calendars.holdConferences = isHeld),
    completeConferences: () => calendars.completeConferences(),
    /** Follows a consent URL as a browser would: the callback's query (code, state or error). */
    consent: async (consentUrl: string): Promise<URLSearchParams> => {
      const res = await fetch(consentUrl, { redirect: 'manual' });
      const location = res.headers.get('location');
      if (res.status !== 302 || !location) throw new Error(`consent answered ${res.status}`);
      return new URL(location).searchParams;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function failure(status: number): Answer {
  if (status === 429) return googleError(429, 'rateLimitExceeded', 'Rate Limit Exceeded');
  if (status === 401) return googleError(401, 'authError', 'Invalid Credentials');
  if (status === 403) return googleError(403, 'forbidden', 'Forbidden');
  if (status === 503) return googleError(503, 'backendError', 'Service Unavailable');
  return googleError(status, 'backendError', 'Backend Error');
}

function send(res: http.ServerResponse, answer: Answer): void {
  if (answer.status === 204 || answer.body === undefined) {
    res.writeHead(answer.status);
    return void res.end();
  }
  const isText = typeof answer.body === 'string';
  res.writeHead(answer.status, {
    'content-type': isText ? 'text/html; charset=utf-8' : 'application/json; charset=UTF-8',
  });
  res.end(isText ? answer.body : JSON.stringify(answer.body));
}
