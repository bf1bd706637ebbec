import { describe, expect, it } from 'vitest';
import { buildIcs, googleCalendarUrl, type IcsEvent } from './ics';

type ContentLine = { name: string; params: Record<string, string>; value: string };

/** RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab is removed. */
function unfold(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  return unfolded.slice(0, -2).split('\r\n');
}

/** Splits `NAME;P1=V1;P2="V;2":value`, honouring quoted parameter values. */
function parseLine(line: string): ContentLine {
  let i = 0;
  const readUntil = (stops: string): string => {
    let out = '';
    while (i < line.length && !stops.includes(line[i]!)) out += line[i++];
    return out;
  };
  const name = readUntil(';:');
  const params: Record<string, string> = {};
  while (line[i] === ';') {
    i++;
    const key = readUntil('=');
    i++;
    let value: string;
    if (line[i] === '"') {
      i++;
      value = readUntil('"');
      i++;
    } else {
      value = readUntil(';:');
    }
    params[key] = value;
  }
  expect(line[i]).toBe(':');
  return { name, params, value: line.slice(i + 1) };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));
}

function parse(ics: string): ContentLine[] {
  return unfold(ics).map(parseLine);
}

function only(lines: ContentLine[], name: string): ContentLine {
  const found = lines.filter((line) => line.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
}

const utf8Octets = (text: string) => new TextEncoder().encode(text).length;

const base: IcsEvent = {
  method: 'REQUEST',
  uid: '0194f6c2-7a1b-7c3d-9e8f-001122334455@parley',
  sequence: 0,
  stamp: Date.UTC(2026, 2, 1, 9, 15, 42, 999),
  start: Date.UTC(2026, 2, 4, 14, 30),
  end: Date.UTC(2026, 2, 4, 15, 0),
  title: 'Interview with Ada Lovelace',
  description: 'Line one\nLine two; with, punctuation \\ and a backslash',
  location: 'Room 4, Floor 2; Main St',
  url: 'https://meet.google.com/abc-defg-hij',
  organizer: { name: 'Grace Hopper', email: 'grace@example.com' },
  attendees: [
    { name: 'Ada Lovelace', email: 'ada@example.com' },
    { name: 'Babbage, Charles', email: 'charles@example.com', role: 'OPT-PARTICIPANT' },
  ],
};

describe('buildIcs', () => {
  it('writes every field of a REQUEST', () => {
    const ics = buildIcs(base);
    const lines = parse(ics);
    expect(lines.map((line) => line.name)).toEqual([
      'BEGIN',
      'VERSION',
      'PRODID',
      'CALSCALE',
      'METHOD',
      'BEGIN',
      'UID',
      'SEQUENCE',
      'DTSTAMP',
      'DTSTART',
      'DTEND',
      'SUMMARY',
      'DESCRIPTION',
      'LOCATION',
      'URL',
      'STATUS',
      'ORGANIZER',
      'ATTENDEE',
      'ATTENDEE',
      'END',
      'END',
    ]);
    expect(lines[0]!.value).toBe('VCALENDAR');
    expect(lines[5]!.value).toBe('VEVENT');
    expect(lines[19]!.value).toBe('VEVENT');
    expect(lines[20]!.value).toBe('VCALENDAR');
    expect(only(lines, 'VERSION').value).toBe('2.0');
    expect(only(lines, 'PRODID').value).toBe('-//Parley//Parley Scheduling//EN');
    expect(only(lines, 'CALSCALE').value).toBe('GREGORIAN');
    expect(only(lines, 'METHOD').value).toBe('REQUEST');
    expect(unescapeText(only(lines, 'UID').value)).toBe(base.uid);
    expect(only(lines, 'SEQUENCE').value).toBe('0');
    expect(only(lines, 'DTSTAMP').value).toBe('20260301T091542Z');
    expect(only(lines, 'DTSTART').value).toBe('20260304T143000Z');
    expect(only(lines, 'DTEND').value).toBe('20260304T150000Z');
    expect(unescapeText(only(lines, 'SUMMARY').value)).toBe(base.title);
    expect(unescapeText(only(lines, 'DESCRIPTION').value)).toBe(base.description);
    expect(unescapeText(only(lines, 'LOCATION').value)).toBe(base.location);
    expect(only(lines, 'URL').value).toBe(base.url);
    expect(only(lines, 'STATUS').value).toBe('CONFIRMED');

    const organizer = only(lines, 'ORGANIZER');
    expect(organizer.params).toEqual({ CN: 'Grace Hopper' });
    expect(organizer.value).toBe('mailto:grace@example.com');

    const attendees = lines.filter((line) => line.name === 'ATTENDEE');
    expect(attendees.map((a) => [a.params, a.value])).toEqual([
      [
        { CN: 'Ada Lovelace', ROLE: 'REQ-PARTICIPANT', PARTSTAT: 'NEEDS-ACTION', RSVP: 'TRUE' },
        'mailto:ada@example.com',
      ],
      [
        { CN: 'Babbage, Charles', ROLE: 'OPT-PARTICIPANT', PARTSTAT: 'NEEDS-ACTION', RSVP: 'TRUE' },
        'mailto:charles@example.com',
      ],
    ]);
  });

  it('uses CRLF only, and ends with CRLF', () => {
    const ics = buildIcs(base);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('escapes TEXT values exactly as RFC 5545 §3.3.11 says', () => {
    const ics = buildIcs({ ...base, title: 'a\\b;c,d\ne\r\nf\rg: "h"\ti' });
    const raw = only(parse(ics), 'SUMMARY').value;
    expect(raw).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng: "h"\ti');
  });

  it('drops control characters that TEXT does not allow', () => {
    const ics = buildIcs({ ...base, title: 'bell\u0007 null\u0000 del\u007f end' });
    expect(only(parse(ics), 'SUMMARY').value).toBe('bell null del end');
  });

  it('omits optional properties that are null or empty', () => {
    const ics = buildIcs({ ...base, description: null, location: '', url: undefined });
    const names = parse(ics).map((line) => line.name);
    expect(names).not.toContain('DESCRIPTION');
    expect(names).not.toContain('LOCATION');
    expect(names).not.toContain('URL');
  });

  it('writes the CANCEL form with CANCELLED status and the bumped sequence', () => {
    const ics = buildIcs({ ...base, method: 'CANCEL', sequence: 3, status: 'CONFIRMED' });
    const lines = parse(ics);
    expect(only(lines, 'METHOD').value).toBe('CANCEL');
    expect(only(lines, 'STATUS').value).toBe('CANCELLED');
    expect(only(lines, 'SEQUENCE').value).toBe('3');
    expect(unescapeText(only(lines, 'UID').value)).toBe(base.uid);
  });

  it('honours an explicit status on a REQUEST', () => {
    const lines = parse(buildIcs({ ...base, status: 'CANCELLED' }));
    expect(only(lines, 'STATUS').value).toBe('CANCELLED');
  });

  it('keeps a title with CRLF + ATTENDEE inside SUMMARY (no property injection)', () => {
    const title = 'Chat\r\nATTENDEE;CN=Evil:mailto:evil@example.com\r\nEND:VEVENT';
    const ics = buildIcs({ ...base, title });
    const lines = parse(ics);
    expect(lines.filter((line) => line.name === 'ATTENDEE')).toHaveLength(2);
    expect(lines.filter((line) => line.name === 'END')).toHaveLength(2);
    expect(ics).not.toContain('evil@example.com\r\n');
    expect(unescapeText(only(lines, 'SUMMARY').value)).toBe(title.replace(/\r\n/g, '\n'));
  });

  it('keeps names, emails, uid and url from breaking out of their line', () => {
    const ics = buildIcs({
      ...base,
      uid: 'id\r\nATTENDEE:mailto:a@example.com',
      url: 'https://example.com/\r\nATTENDEE:mailto:b@example.com',
      organizer: { name: 'Eve"\r\nATTENDEE:mailto:c@example.com', email: 'eve@example.com' },
      attendees: [{ name: 'X', email: 'x@example.com\r\nATTENDEE:mailto:d@example.com' }],
    });
    const lines = parse(ics);
    expect(lines.filter((line) => line.name === 'ATTENDEE')).toHaveLength(1);
    expect(only(lines, 'URL').value).toBe('https://example.com/ATTENDEE:mailto:b@example.com');
    expect(only(lines, 'ORGANIZER').params).toEqual({
      CN: 'EveATTENDEE:mailto:c@example.com',
    });
    expect(only(lines, 'ATTENDEE').value).toBe('mailto:x@example.comATTENDEE:mailto:d@example.com');
  });

  it('quotes CN values containing : ; , and strips double quotes and controls', () => {
    const ics = buildIcs({
      ...base,
      organizer: { name: 'Dr. "Who"; Time:Lord', email: 'who@example.com' },
      attendees: [
        { name: 'Plain Name', email: 'plain@example.com' },
        { name: 'Tab\tand\u0001bell', email: 'tab@example.com' },
      ],
    });
    const unfolded = unfold(ics);
    expect(unfolded).toContain('ORGANIZER;CN="Dr. Who; Time:Lord":mailto:who@example.com');
    expect(unfolded).toContain(
      'ATTENDEE;CN=Plain Name;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:plain@example.com',
    );
    const tab = parse(ics).filter((line) => line.name === 'ATTENDEE')[1]!;
    expect(tab.params.CN).toBe('Tabandbell');
  });

  it('leaves out CN when the name is empty', () => {
    const ics = buildIcs({ ...base, organizer: { name: '  ', email: 'o@example.com' } });
    expect(unfold(ics)).toContain('ORGANIZER:mailto:o@example.com');
  });

  it('folds at 75 octets without splitting multi-byte characters', () => {
    const title = `面试 🎉 Entretien d’embauche — ${'日本語のテキスト👩‍💻'.repeat(12)} café ${'x'.repeat(90)}`;
    const description = '🙂'.repeat(60) + 'é'.repeat(80) + 'a'.repeat(200);
    const ics = buildIcs({ ...base, title, description });
    const physical = ics.slice(0, -2).split('\r\n');
    for (const line of physical) {
      expect(utf8Octets(line)).toBeLessThanOrEqual(75);
      // A split surrogate pair would show up as a lone surrogate at a line edge.
      expect(line).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
    // Every continuation starts with exactly one space added by folding.
    expect(physical.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(5);
    // Folding uses the room it has: a line is only cut where the next character would not fit.
    physical.forEach((line, i) => {
      const next = physical[i + 1];
      if (!next?.startsWith(' ')) return;
      const nextChar = String.fromCodePoint(next.codePointAt(1)!);
      expect(utf8Octets(line) + utf8Octets(nextChar)).toBeGreaterThan(75);
    });
    const lines = parse(ics);
    expect(unescapeText(only(lines, 'SUMMARY').value)).toBe(title);
    expect(unescapeText(only(lines, 'DESCRIPTION').value)).toBe(description);
  });

  it('folds a long ASCII line into 75-octet pieces', () => {
    const ics = buildIcs({ ...base, title: 'y'.repeat(200) });
    const physical = ics.split('\r\n');
    const start = physical.findIndex((line) => line.startsWith('SUMMARY:'));
    expect(physical[start]).toHaveLength(75);
    expect(physical[start + 1]).toBe(` ${'y'.repeat(74)}`);
    expect(physical[start + 2]).toBe(` ${'y'.repeat(200 - 67 - 74)}`);
  });

  it('does not split an escape sequence in a way unfolding cannot repair', () => {
    const title = ',;\\\n'.repeat(40);
    const lines = parse(buildIcs({ ...base, title }));
    expect(unescapeText(only(lines, 'SUMMARY').value)).toBe(title);
  });

  it('replaces lone surrogates instead of emitting invalid UTF-8', () => {
    const ics = buildIcs({ ...base, title: 'broken \uD83D here' });
    expect(only(parse(ics), 'SUMMARY').value).toBe('broken \uFFFD here');
  });

  it('writes instants in UTC whatever the process zone, dropping milliseconds', () => {
    const ics = buildIcs({
      ...base,
      start: Date.UTC(2026, 9, 4, 1, 59, 59, 500),
      end: Date.UTC(2026, 9, 4, 2, 30),
    });
    const lines = parse(ics);
    expect(only(lines, 'DTSTART').value).toBe('20261004T015959Z');
    expect(only(lines, 'DTEND').value).toBe('20261004T023000Z');
  });

  it('refuses events that would make an invalid calendar', () => {
    expect(() => buildIcs({ ...base, end: base.start })).toThrow(RangeError);
    expect(() => buildIcs({ ...base, start: Number.NaN })).toThrow(RangeError);
    expect(() => buildIcs({ ...base, sequence: -1 })).toThrow(RangeError);
    expect(() => buildIcs({ ...base, sequence: 1.5 })).toThrow(RangeError);
    expect(() => buildIcs({ ...base, uid: ' ' })).toThrow(RangeError);
  });
});

describe('googleCalendarUrl', () => {
  const event = {
    title: 'Interview & chat #1 + 50% café 🎉',
    start: Date.UTC(2026, 2, 4, 14, 30),
    end: Date.UTC(2026, 2, 4, 15, 0),
    details: 'Join: https://meet.example.com/a?b=c&d=e\nSecond line',
    location: 'Room 4, Floor 2',
  };

  it('builds a TEMPLATE link whose parameters decode to the input', () => {
    const url = new URL(googleCalendarUrl(event));
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect([...url.searchParams.keys()]).toEqual([
      'action',
      'text',
      'dates',
      'details',
      'location',
    ]);
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('text')).toBe(event.title);
    expect(url.searchParams.get('dates')).toBe('20260304T143000Z/20260304T150000Z');
    expect(url.searchParams.get('details')).toBe(event.details);
    expect(url.searchParams.get('location')).toBe(event.location);
  });

  it('percent-encodes every reserved character (no raw +, &, # or spaces)', () => {
    const href = googleCalendarUrl(event);
    const query = href.split('?')[1]!;
    expect(query).not.toMatch(/[ #+]/);
    expect(query.split('&')).toHaveLength(5);
    expect(href).toContain(
      'text=Interview%20%26%20chat%20%231%20%2B%2050%25%20caf%C3%A9%20%F0%9F%8E%89',
    );
    expect(href).toContain('&dates=20260304T143000Z/20260304T150000Z');
  });

  it('leaves out empty details and location', () => {
    const url = new URL(googleCalendarUrl({ ...event, details: null, location: '' }));
    expect([...url.searchParams.keys()]).toEqual(['action', 'text', 'dates']);
  });
});
