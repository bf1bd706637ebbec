import type { ClientMessages } from './i18n/messages';
import { fill, plural } from './i18n/format-message';
import { buildZoneTimeline, DAY_MS, segmentIndexAt } from '@/lib/domain/slots/zone-timeline';
import { dateOfDayNumber } from '@/lib/domain/time/calendar-date';
import { canonicalZoneName, isKnownZone } from '@/lib/domain/time/zone-names';

/**
 * Instants and dates shown to the candidate, with the browser's Intl in the page's language (no
 * date library in the bundle). Every `ms` is epoch milliseconds; every `zone` an IANA name; every
 * `date` a wall-clock `YYYY-MM-DD`.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function format(
  locale: string,
  zone: string,
  kind: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${zone}`;
  let hit = formats.get(key);
  if (!hit) {
    if (formats.size > 500) formats.clear();
    hit = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formats.set(key, hit);
  }
  return hit;
}

/**
 * ICU writes thin and narrow no-break spaces in times and ranges ("9:00 – 9:30 AM"); Chromium
 * turns them into plain spaces, Node does not. One form on both sides, so the server's HTML and
 * the browser's render read the same (and hydrate without a mismatch).
 */
export function plainSpaces(text: string): string {
  return text.replace(/[\u2009\u202f]/g, ' ');
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/**
 * The wall-clock date (`YYYY-MM-DD`) in `zone` of each instant. Reads the zone's offsets once per
 * stretch of constant offset (the slot engine's cached timeline), not once per instant: a month of
 * open times is hundreds of instants, grouped into days on every render.
 */
export function datesInZone(instants: readonly number[], zone: string): string[] {
  if (instants.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const t of instants) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const timeline = buildZoneTimeline(zone, min, max);
  let segment = 0;
  return instants.map((t) => {
    segment = segmentIndexAt(timeline, t, segment);
    return dateOfDayNumber(Math.floor((t + timeline.offsets[segment]!) / DAY_MS));
  });
}

/** The wall-clock date of `ms` in `zone`, `YYYY-MM-DD`. */
export function dateInZone(ms: number, zone: string): string {
  return datesInZone([ms], zone)[0]!;
}

function timeFormat(locale: string, zone: string, hour12: boolean): Intl.DateTimeFormat {
  return hour12
    ? format(locale, zone, 't12', { hour: 'numeric', minute: '2-digit', hour12: true })
    : format(locale, zone, 't24', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** "7:30 PM" or "19:30". */
export function formatTime(ms: number, zone: string, hour12: boolean, locale: string): string {
  return plainSpaces(timeFormat(locale, zone, hour12).format(ms));
}

/** "7:30 – 8:00 PM" or "19:30 – 20:00". */
export function formatTimeRange(
  start: number,
  end: number,
  zone: string,
  hour12: boolean,
  locale: string,
): string {
  return plainSpaces(timeFormat(locale, zone, hour12).formatRange(start, end));
}

/** "Thursday, March 5, 2026" (the date in `zone`). */
export function formatLongDate(ms: number, zone: string, locale: string): string {
  return plainSpaces(
    format(locale, zone, 'long', {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      year: 'numeric',
    }).format(ms),
  );
}

/** Noon UTC of a wall-clock date: formatted in UTC it is that date whatever the machine's zone. */
const noonOf = (date: string) => Date.parse(`${date}T12:00:00Z`);

/** "November 2026" of a `YYYY-MM` month. */
export function monthLabel(month: string, locale: string): string {
  return plainSpaces(
    format(locale, 'UTC', 'month', { month: 'long', year: 'numeric' }).format(
      noonOf(`${month}-01`),
    ),
  );
}

/** "Thursday, March 5" of a wall-clock date. */
export function dayLabel(date: string, locale: string): string {
  return plainSpaces(
    format(locale, 'UTC', 'day', { weekday: 'long', month: 'long', day: 'numeric' }).format(
      noonOf(date),
    ),
  );
}

/** "Thursday, March 5, 2026" of a wall-clock date. */
export function fullDayLabel(date: string, locale: string): string {
  return formatLongDate(noonOf(date), 'UTC', locale);
}

/** "India Standard Time", or the zone name when the browser has no long name for it. */
export function zoneLongName(zone: string, ms: number, locale: string): string {
  const name = part(
    format(locale, zone, 'name', { timeZoneName: 'long' }).formatToParts(ms),
    'timeZoneName',
  );
  return name && !/^(GMT|UTC)[+-−]/.test(name) ? name : zone;
}

/** "30 min", "1 hr", "1 hr 30 min" in the page's language. */
export function durationLabel(minutes: number, messages: ClientMessages, locale: string): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const min = plural(messages.minutes, rest, locale);
  if (hours === 0) return min;
  const hr = plural(messages.hours, hours, locale);
  return rest === 0 ? hr : fill(messages.hoursAndMinutes, { hours: hr, minutes: min });
}

/** "Alex Rivera and Sam Lee" in the page's language. */
export function listOfNames(names: string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}

let detectedZone: string | undefined;

/** The browser's zone under today's IANA name, or UTC when it reports none we can use. */
export function browserZone(): string {
  if (detectedZone === undefined) {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    detectedZone = zone && isKnownZone(zone) ? canonicalZoneName(zone) : 'UTC';
  }
  return detectedZone;
}

/** Whether the browser's own locale writes times with AM/PM. */
export function browserPrefers12Hour(): boolean {
  const cycle = new Intl.DateTimeFormat(undefined, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h12' || cycle === 'h11';
}
