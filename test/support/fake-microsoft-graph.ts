import type { Answer } from './fake-microsoft-identity';
import {
  randomId,
  teamsJoinUrl,
  type FakeAttendee,
  type FakeEvent,
  type FakeState,
  type RecordedRequest,
} from './fake-microsoft-state';

const DAY = 86_400_000;

function graphError(status: number, code: string, message: string): Answer {
  return {
    status,
    json: {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString(), 'request-id': randomId('') },
      },
    },
  };
}

/** Graph `/v1.0/...`: the bearer token names the account; then the calendar endpoints. */
export function graphRoute(state: FakeState, request: RecordedRequest, path: string): Answer {
  const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
  const grant = bearer ? state.accessTokens.get(bearer) : undefined;
  if (!grant || grant.expiresAt <= Date.now()) {
    return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or has expired.');
  }
  const account = state.accounts.get(grant.email)!;
  const { method } = request;
  if (method === 'GET' && path === '/me') {
    return {
      status: 200,
      json: {
        id: account.oid,
        displayName: account.name,
        mail: account.email,
        userPrincipalName: account.email,
      },
    };
  }
  if (method === 'POST' && path === '/me/calendar/getSchedule') return schedule(state, request);
  if (method === 'POST' && path === '/me/events')
    return createEvent(state, account.email, request.json);
  const match = /^\/me\/events\/([^/]+)(\/cancel)?$/.exec(path);
  const event = match ? state.events.get(decodeURIComponent(match[1]!)) : undefined;
  if (match && (!event || event.owner !== account.email || event.isDeleted)) {
    return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  }
  if (event && match?.[2] && method === 'POST') {
    event.isCancelled = true;
    event.isDeleted = true;
    return { status: 202 };
  }
  if (event && method === 'GET')
    return { status: 200, json: select(event, request.query.get('$select')) };
  if (event && method === 'PATCH') {
    patchEvent(event, request.json);
    return { status: 200, json: event };
  }
  return graphError(400, 'BadRequest', `Unsupported ${method} ${path}`);
}

function parseUtc(value: { dateTime?: string; timeZone?: string } | undefined): number {
  if (!value?.dateTime || value.timeZone !== 'UTC') return NaN;
  return Date.parse(/Z$/.test(value.dateTime) ? value.dateTime : `${value.dateTime}Z`);
}

/** Graph's format: `2026-03-02T09:00:00.0000000`, in UTC. */
function graphUtc(ms: number): { dateTime: string; timeZone: string } {
  return {
    dateTime: new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000'),
    timeZone: 'UTC',
  };
}

function schedule(state: FakeState, request: RecordedRequest): Answer {
  const body = request.json as { schedules?: string[]; startTime?: any; endTime?: any };
  const start = parseUtc(body.startTime);
  const end = parseUtc(body.endTime);
  if (!Array.isArray(body.schedules) || Number.isNaN(start) || Number.isNaN(end) || end <= start) {
    return graphError(400, 'ErrorInvalidRequest', 'schedules, startTime and endTime are required.');
  }
  if (end - start > 62 * DAY) {
    return graphError(
      400,
      'ErrorInvalidTimeInterval',
      'The requested time duration exceeds 62 days.',
    );
  }
  const value = body.schedules.map((id) => {
    const email = id.toLowerCase();
    if (!state.accounts.has(email)) {
      return {
        scheduleId: id,
        error: { message: 'The user was not found.', responseCode: 'ErrorMailRecipientNotFound' },
      };
    }
    const manual = (state.busy.get(email) ?? []).map((b) => ({
      status: b.status ?? 'busy',
      start: b.start.getTime(),
      end: b.end.getTime(),
    }));
    const events = [...state.events.values()]
      .filter((e) => e.owner === email && !e.isCancelled)
      .map((e) => ({ status: 'busy', start: parseLocal(e.start), end: parseLocal(e.end) }));
    const items = [...manual, ...events]
      .filter((i) => i.end > start && i.start < end)
      .sort((a, b) => a.start - b.start)
      .map((i) => ({
        isPrivate: false,
        status: i.status,
        subject: '',
        location: '',
        isMeeting: false,
        isRecurring: false,
        isException: false,
        isReminderSet: false,
        start: graphUtc(i.start),
        end: graphUtc(i.end),
      }));
    return { scheduleId: id, availabilityView: '', scheduleItems: items, workingHours: null };
  });
  return {
    status: 200,
    json: {
      '@odata.context':
        'https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)',
      value,
    },
  };
}

/** An event's wall time in its zone as an instant (the fake keeps IANA zones, as Graph accepts). */
function parseLocal(value: { dateTime: string; timeZone: string }): number {
  const naive = Date.parse(`${value.dateTime.replace(/\.\d+$/, '')}Z`);
  if (value.timeZone === 'UTC') return naive;
  // The offset of the zone at that instant (exact away from a DST change, which is enough here).
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: value.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(naive));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return naive - (asUtc - naive);
}

function attendeesOf(list: unknown): FakeAttendee[] {
  return (Array.isArray(list) ? list : []).map((a: any) => ({
    emailAddress: { address: String(a?.emailAddress?.address ?? ''), name: a?.emailAddress?.name },
    type: a?.type ?? 'required',
    status: { response: 'none', time: '0001-01-01T00:00:00Z' },
  }));
}

function createEvent(state: FakeState, owner: string, body: any): Answer {
  if (!body?.subject || !body?.start?.dateTime || !body?.end?.dateTime) {
    return graphError(400, 'ErrorInvalidRequest', 'subject, start and end are required.');
  }
  const transactionId = typeof body.transactionId === 'string' ? body.transactionId : null;
  const earlier = transactionId
    ? [...state.events.values()].find((e) => e.owner === owner && e.transactionId === transactionId)
    : undefined;
  // Graph dedupes on transactionId: the retry gets the event the first attempt made.
  if (earlier) return { status: 201, json: earlier };
  const id = randomId('AAMkAGI2TG93AAA=');
  const isTeams =
    body.isOnlineMeeting === true && body.onlineMeetingProvider === 'teamsForBusiness';
  const event: FakeEvent = {
    id,
    owner,
    transactionId,
    subject: body.subject,
    body: body.body ?? { contentType: 'text', content: '' },
    start: body.start,
    end: body.end,
    location: body.location ?? { displayName: '' },
    attendees: attendeesOf(body.attendees),
    isOnlineMeeting: isTeams,
    onlineMeetingProvider: isTeams ? 'teamsForBusiness' : 'unknown',
    onlineMeeting: isTeams && !state.lateJoinUrls ? { joinUrl: teamsJoinUrl(id) } : null,
    isCancelled: false,
    isDeleted: false,
    allowNewTimeProposals: body.allowNewTimeProposals ?? true,
  };
  state.events.set(id, event);
  return { status: 201, json: event };
}

function patchEvent(event: FakeEvent, body: any): void {
  for (const key of ['subject', 'body', 'start', 'end', 'location'] as const) {
    if (body?.[key] !== undefined) (event as any)[key] = body[key];
  }
  if (body?.attendees !== undefined) {
    const before = new Map(
      event.attendees.map((a) => [a.emailAddress.address.toLowerCase(), a.status]),
    );
    event.attendees = attendeesOf(body.attendees).map((a) => ({
      ...a,
      status: before.get(a.emailAddress.address.toLowerCase()) ?? a.status,
    }));
  }
}

function select(event: FakeEvent, fields: string | null): unknown {
  if (!fields) return event;
  const wanted = new Set(fields.split(',').map((f) => f.trim()));
  return Object.fromEntries(
    Object.entries(event).filter(([key]) => wanted.has(key) || key === 'id'),
  );
}
