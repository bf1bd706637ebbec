/**
 * iCalendar (RFC 5545) invitations in the iTIP form (RFC 5546) that mail clients turn into
 * "accept / decline" cards. Pure: every instant, including DTSTAMP, comes in as epoch ms.
 */

export type IcsPerson = { name: string; email: string };

export type IcsEvent = {
  method: 'REQUEST' | 'CANCEL';
  /** Stable across updates of one meeting (e.g. `<meeting id>@parley`), so clients replace it. */
  uid: string;
  /** Bumped on every reschedule or cancel; clients ignore an update whose sequence is not higher. */
  sequence: number;
  /** DTSTAMP, epoch ms. */
  stamp: number;
  /** Epoch ms, written in UTC. */
  start: number;
  /** Epoch ms, written in UTC; must be after `start`. */
  end: number;
  title: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  organizer: IcsPerson;
  attendees: (IcsPerson & { role?: 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT' })[];
  /** Ignored for CANCEL, which is always CANCELLED (RFC 5546 §3.2.5). */
  status?: 'CONFIRMED' | 'CANCELLED';
};

export type GoogleCalendarEvent = {
  title: string;
  /** Epoch ms. */
  start: number;
  /** Epoch ms. */
  end: number;
  details?: string | null;
  location?: string | null;
};

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
const PRODID = '-//Parley//Parley Scheduling//EN';
// Matching control characters is the purpose of these patterns.
/* eslint-disable no-control-regex */
const TEXT_FORBIDDEN = /[\u0000-\u0008\u000A-\u001F\u007F]/g;
const PARAM_FORBIDDEN = /[\u0000-\u001F\u007F"]/g;
const URI_FORBIDDEN = /[\u0000-\u0020\u007F]/g;
/* eslint-enable no-control-regex */

/**
 * The whole calendar object, CRLF-terminated and folded, ready to attach as
 * `text/calendar; method=<method>; charset=UTF-8`.
 */
export function buildIcs(event: IcsEvent): string {
  assertValidEvent(event);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${event.method}`,
    'BEGIN:VEVENT',
    ...eventLines(event),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** A link that opens Google Calendar's "new event" form filled with this event (times in UTC). */
export function googleCalendarUrl(e: GoogleCalendarEvent): string {
  // `dates` is built here from digits, T, Z and the slash Google expects unencoded.
  const dates = `${formatUtc(e.start)}/${formatUtc(e.end)}`;
  const texts = [
    ['details', e.details],
    ['location', e.location],
  ] as const;
  let query = `action=TEMPLATE&text=${encodeQueryValue(e.title)}&dates=${dates}`;
  for (const [key, value] of texts) if (value) query += `&${key}=${encodeQueryValue(value)}`;
  return `https://calendar.google.com/calendar/render?${query}`;
}

function eventLines(event: IcsEvent): string[] {
  const lines = [
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${formatUtc(event.stamp)}`,
    `DTSTART:${formatUtc(event.start)}`,
    `DTEND:${formatUtc(event.end)}`,
    `SUMMARY:${escapeText(event.title)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  const url = event.url ? cleanUri(event.url) : '';
  if (url) lines.push(`URL:${url}`);
  lines.push(`STATUS:${statusOf(event)}`);
  lines.push(`ORGANIZER${cnParam(event.organizer.name)}:${mailto(event.organizer.email)}`);
  for (const attendee of event.attendees) {
    const params = `${cnParam(attendee.name)};ROLE=${attendee.role ?? 'REQ-PARTICIPANT'}`;
    lines.push(`ATTENDEE${params};PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${mailto(attendee.email)}`);
  }
  return lines;
}

function statusOf(event: IcsEvent): 'CONFIRMED' | 'CANCELLED' {
  if (event.method === 'CANCEL') return 'CANCELLED';
  return event.status ?? 'CONFIRMED';
}

// Invalid input here is a programming error upstream; a broken invite mailed to a candidate is
// worse than an exception in the job that builds it.
function assertValidEvent(event: IcsEvent): void {
  for (const [name, ms] of [
    ['stamp', event.stamp],
    ['start', event.start],
    ['end', event.end],
  ] as const) {
    if (!Number.isFinite(ms)) throw new RangeError(`ICS ${name} is not a finite epoch ms value`);
  }
  if (event.end <= event.start) throw new RangeError('ICS end must be after start');
  if (!Number.isSafeInteger(event.sequence) || event.sequence < 0) {
    throw new RangeError('ICS sequence must be a non-negative integer');
  }
  if (!event.uid.trim()) throw new RangeError('ICS uid must not be empty');
}

/** `20260304T143000Z`: RFC 5545 UTC DATE-TIME; sub-second precision is dropped, not rounded. */
function formatUtc(ms: number): string {
  const iso = new Date(Math.floor(ms / 1000) * 1000).toISOString();
  return iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

// Lone surrogates have no UTF-8 form: they would become U+FFFD on the wire anyway, and
// encodeURIComponent throws on them.
function toWellFormed(text: string): string {
  return text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

/**
 * RFC 5545 §3.3.11 TEXT. Line breaks become the two characters `\n`, which is what keeps a value
 * containing CRLF + "ATTENDEE:…" inside its own property. Other control characters are not allowed
 * in TEXT at all (TSAFE-CHAR), so they are dropped; tab is allowed.
 */
function escapeText(text: string): string {
  return toWellFormed(text)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(TEXT_FORBIDDEN, '');
}

/**
 * RFC 5545 §3.2 parameter value. Neither escaping nor DQUOTE is possible inside one, so quotes and
 * control characters are dropped, and a value with `:` `;` `,` is quoted so it cannot end the
 * parameter list early.
 */
function paramValue(text: string): string {
  const clean = toWellFormed(text).replace(PARAM_FORBIDDEN, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function cnParam(name: string): string {
  const value = paramValue(name.trim());
  return value ? `;CN=${value}` : '';
}

// URI values are not TEXT (no backslash escaping), so the only defence against breaking out of
// the line is removing what could end it; spaces cannot appear in a valid URI either.
function cleanUri(uri: string): string {
  return toWellFormed(uri).replace(URI_FORBIDDEN, '');
}

function mailto(email: string): string {
  return `mailto:${cleanUri(email)}`;
}

/**
 * RFC 5545 §3.1: at most 75 octets per line, excluding CRLF; continuation lines start with one
 * space, which counts towards their 75. Splits only between code points, so a multi-byte UTF-8
 * sequence is never cut.
 */
function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
}

// Google reads `+` as a space and cuts values at `&` and `#`, so every value is percent-encoded.
function encodeQueryValue(value: string): string {
  return encodeURIComponent(toWellFormed(value));
}
