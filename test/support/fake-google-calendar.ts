import { createHash } from 'node:crypto';

/**
 * The calendar side of the local Google server (test/support/fake-google.ts): events of each
 * account's primary calendar and their free/busy, in Google Calendar API v3's wire format.
 */
export type GoogleEvent = Record<string, any> & {
  id: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
  attendees?: { email: string; displayName?: string; responseStatus: string }[];
};

export type Answer = { status: number; body?: unknown };

export type BusyPeriod = { start: number; end: number; startText: string; endText: string };

const rfc3339 = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Periods as the fake keeps them: sorted, their RFC 3339 text made once (answers stay cheap). */
export function busyPeriods(intervals: { start: number; end: number }[]): BusyPeriod[] {
  return [...intervals]
    .sort((a, b) => a.start - b.start)
    .map((p) => ({ ...p, startText: rfc3339(p.start), endText: rfc3339(p.end) }));
}

/** The periods overlapping `[timeMin, timeMax)`, clipped to it, as Google lists them. */
function busyIn(periods: BusyPeriod[], timeMin: number, timeMax: number) {
  const busy: { start: string; end: string }[] = [];
  for (const p of periods) {
    if (p.start >= timeMax) break;
    if (p.end <= timeMin) continue;
    busy.push({
      start: p.start < timeMin ? rfc3339(timeMin) : p.startText,
      end: p.end > timeMax ? rfc3339(timeMax) : p.endText,
    });
  }
  return busy;
}

const DAY = 86_400_000;
const EVENT_ID = /^[a-v0-9]{5,1024}$/;

export function googleError(status: number, reason: string, message: string): Answer {
  const named: Record<number, string> = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
    409: 'ALREADY_EXISTS',
    410: 'NOT_FOUND',
    429: 'RESOURCE_EXHAUSTED',
    500: 'INTERNAL',
    503: 'UNAVAILABLE',
  };
  return {
    status,
    body: {
      error: {
        errors: [{ domain: 'global', reason, message }],
        code: status,
        message,
        ...(named[status] ? { status: named[status] } : {}),
      },
    },
  };
}

/** A Meet code (`abc-defg-hij`) derived from the conference request id. */
function meetCode(requestId: string): string {
  const letters = [...createHash('sha256').update(requestId).digest()]
    .map((b) => String.fromCharCode(97 + (b % 26)))
    .join('');
  return `${letters.slice(0, 3)}-${letters.slice(3, 7)}-${letters.slice(7, 10)}`;
}

export class FakeCalendars {
  /** Owner email → event id → event. */
  readonly events = new Map<string, Map<string, GoogleEvent>>();
  /** Owner email → busy periods, sorted by start, with their wire form made once. */
  readonly busy = new Map<string, BusyPeriod[]>();
  /** While true, conference requests stay `pending` (no link) until `completeConferences`. */
  holdConferences = false;

  private calendarOf(owner: string): Map<string, GoogleEvent> {
    let calendar = this.events.get(owner);
    if (!calendar) this.events.set(owner, (calendar = new Map()));
    return calendar;
  }

  freeBusy(owner: string, body: any): Answer {
    const timeMin = Date.parse(body?.timeMin ?? '');
    const timeMax = Date.parse(body?.timeMax ?? '');
    if (!Number.isFinite(timeMin) || !Number.isFinite(timeMax)) {
      return googleError(400, 'badRequest', 'Bad Request');
    }
    if (timeMax <= timeMin)
      return googleError(400, 'timeRangeEmpty', 'The specified time range is empty.');
    if (timeMax - timeMin > 90 * DAY) {
      return googleError(400, 'timeRangeTooLong', 'The requested time range is too long.');
    }
    const calendars: Record<string, unknown> = {};
    for (const item of (body.items ?? []) as { id: string }[]) {
      const email = item.id === 'primary' ? owner : item.id.toLowerCase();
      const periods = this.busy.get(email);
      if (!periods && email !== owner) {
        calendars[item.id] = { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };
        continue;
      }
      calendars[item.id] = { busy: busyIn(periods ?? [], timeMin, timeMax) };
    }
    return {
      status: 200,
      body: {
        kind: 'calendar#freeBusy',
        timeMin: new Date(timeMin).toISOString(),
        timeMax: new Date(timeMax).toISOString(),
        calendars,
      },
    };
  }

  insert(owner: string, query: URLSearchParams, body: any): Answer {
    const calendar = this.calendarOf(owner);
    const id = typeof body?.id === 'string' ? body.id : randomEventId();
    if (!EVENT_ID.test(id)) return googleError(400, 'invalid', 'Invalid resource id value.');
    if (calendar.has(id)) {
      return googleError(409, 'duplicate', 'The requested identifier already exists.');
    }
    if (!body?.start?.dateTime || !body?.end?.dateTime) {
      return googleError(400, 'required', 'Missing time.');
    }
    const now = new Date().toISOString();
    const event: GoogleEvent = {
      kind: 'calendar#event',
      etag: `"${Date.now()}"`,
      id,
      status: 'confirmed',
      htmlLink: `https://www.google.com/calendar/event?eid=${id}`,
      created: now,
      updated: now,
      summary: body.summary,
      description: body.description,
      location: body.location,
      creator: { email: owner, self: true },
      organizer: { email: owner, self: true },
      start: body.start,
      end: body.end,
      iCalUID: `${id}@google.com`,
      sequence: 0,
      attendees: attendeesOf(body.attendees),
      reminders: { useDefault: true },
      eventType: 'default',
    };
    // Without conferenceDataVersion=1 Google ignores conferenceData altogether.
    const request = body.conferenceData?.createRequest;
    if (query.get('conferenceDataVersion') === '1' && request) this.startConference(event, request);
    calendar.set(id, event);
    return { status: 200, body: event };
  }

  get(owner: string, id: string): Answer {
    const event = this.calendarOf(owner).get(id);
    return event ? { status: 200, body: event } : googleError(404, 'notFound', 'Not Found');
  }

  patch(owner: string, id: string, query: URLSearchParams, body: any): Answer {
    const event = this.calendarOf(owner).get(id);
    if (!event) return googleError(404, 'notFound', 'Not Found');
    const moved =
      (body.start && body.start.dateTime !== event.start?.dateTime) ||
      (body.end && body.end.dateTime !== event.end?.dateTime);
    for (const field of ['summary', 'description', 'location', 'start', 'end', 'status']) {
      if (body[field] !== undefined) event[field] = body[field];
    }
    if (body.attendees !== undefined) event.attendees = attendeesOf(body.attendees);
    const request = body.conferenceData?.createRequest;
    if (query.get('conferenceDataVersion') === '1' && request && !event.conferenceData) {
      this.startConference(event, request);
    }
    if (moved) event.sequence += 1;
    event.updated = new Date().toISOString();
    return { status: 200, body: event };
  }

  delete(owner: string, id: string): Answer {
    const event = this.calendarOf(owner).get(id);
    if (!event) return googleError(404, 'notFound', 'Not Found');
    if (event.status === 'cancelled')
      return googleError(410, 'deleted', 'Resource has been deleted');
    event.status = 'cancelled';
    event.updated = new Date().toISOString();
    return { status: 204 };
  }

  private startConference(event: GoogleEvent, request: any): void {
    event.conferenceData = {
      createRequest: {
        requestId: request.requestId,
        conferenceSolutionKey: request.conferenceSolutionKey,
        status: { statusCode: 'pending' },
      },
    };
    if (!this.holdConferences) completeConference(event);
  }

  /** Gives every pending conference its Meet room (as Google does a moment later). */
  completeConferences(): void {
    for (const calendar of this.events.values()) {
      for (const event of calendar.values()) {
        if (event.conferenceData?.createRequest?.status?.statusCode === 'pending') {
          completeConference(event);
        }
      }
    }
  }
}

function completeConference(event: GoogleEvent): void {
  const request = event.conferenceData.createRequest;
  const code = meetCode(request.requestId);
  const uri = `https://meet.google.com/${code}`;
  event.hangoutLink = uri;
  event.conferenceData = {
    createRequest: { ...request, status: { statusCode: 'success' } },
    entryPoints: [{ entryPointType: 'video', uri, label: `meet.google.com/${code}` }],
    conferenceSolution: {
      key: { type: 'hangoutsMeet' },
      name: 'Google Meet',
      iconUri:
        'https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/logo_meet_2020q4_color_2x_web_512dp.png',
    },
    conferenceId: code,
  };
}

function attendeesOf(list: unknown): GoogleEvent['attendees'] {
  if (!Array.isArray(list)) return undefined;
  return list.map((a: { email: string; displayName?: string; responseStatus?: string }) => ({
    email: a.email.toLowerCase(),
    ...(a.displayName ? { displayName: a.displayName } : {}),
    responseStatus: a.responseStatus ?? 'needsAction',
  }));
}

function randomEventId(): string {
  return createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 26);
}
