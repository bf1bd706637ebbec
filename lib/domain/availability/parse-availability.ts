import { addDays, isCalendarDate, weekdayOf } from '../time/calendar-date';
import { CITY_ALIASES, ZONE_ABBREVIATIONS } from '../time/zone-aliases';
import { normalizeText } from '../time/normalize-text';
import { canonicalTimeZone } from '../time/zones';
import type { WallTimeSlot } from './time-slots';
import {
  availabilityLanguages,
  availabilityWords,
  type AvailabilityLanguage,
} from './availability-words';

/**
 * Free text → free time slots (DESIGN §8), pure. "Mon–Wed 9–12, Thu after 2pm" read on a
 * reference date in a zone gives every matching date of the 14 days from that date with its hours.
 *
 * The conventions, so that every reading is exact: weekdays without dates are those days within the
 * 14 days starting on the reference date (inclusive); "next week" is Monday–Friday of the week
 * after the reference date's; a week or "every day" is Monday–Friday unless weekend days are
 * named; a day without hours is 09:00–18:00; morning 09:00–12:00, afternoon 12:00–17:00, evening
 * 17:00–20:00; "after X" is X–18:00 and "before X" 09:00–X; "except …" removes days or hours;
 * hours without am/pm from 1 to 7 are the afternoon, 8 to 12 as written.
 *
 * A reply is read clause by clause (lines and sentences). Within a clause, days and hours form
 * groups ("Mon–Wed 9–12" then "Thu after 2pm"): hours apply to the days next to them, whichever
 * comes first. A group that is negated ("not Friday", "Freitag geht nicht") removes its times from
 * everything else the reply gives.
 */
export type ParsedAvailability = {
  /** The zone the times are in: the one the reply names, else the zone given. */
  timezone: string;
  timeSlots: WallTimeSlot[];
  /** Clauses with something in them that could not be read (shown back to the person). */
  unparsed: string[];
  language: AvailabilityLanguage;
};

export type ParseAvailabilityInput = {
  text: string;
  /** IANA zone the times are in unless the reply names another. */
  timezone: string;
  /** The reply's date in that zone ("YYYY-MM-DD"). */
  referenceDate: string;
  /** Forces the language; by default it is recognised from the text. */
  language?: AvailabilityLanguage;
  /** The language taken when the text has no word of any (only numbers); English by default. */
  fallbackLanguage?: AvailabilityLanguage;
};

const WINDOW_DAYS = 14;
/** Dates named explicitly are kept up to this many days ahead. */
const DATE_HORIZON_DAYS = 120;
const DAY_START = 9 * 60;
const DAY_END = 18 * 60;
const PARTS = {
  morning: { from: 9 * 60, to: 12 * 60 },
  afternoon: { from: 12 * 60, to: 17 * 60 },
  evening: { from: 17 * 60, to: 20 * 60 },
} as const;

type Range = { from: number; to: number };
type Scope = 'NEXT_WEEK' | 'THIS_WEEK' | 'EVERY_DAY';

type Token =
  | { kind: 'dates'; dates: string[] }
  | { kind: 'weekdays'; days: number[] }
  | { kind: 'weekend' }
  | { kind: 'scope'; scope: Scope }
  | { kind: 'time'; range: Range; soft?: boolean }
  | { kind: 'except' }
  | { kind: 'zone'; zone: string };

type Part = {
  dates: string[];
  weekdays: number[];
  scopes: Scope[];
  weekend: boolean;
  times: Range[];
  /** Parts of the day ("mornings"): dropped when the group also gives hours ("morgens 8–10"). */
  softTimes: Range[];
};
type Group = Part & {
  timeFirst: boolean;
  negative: boolean;
  except: Part | null;
  leadingScope: boolean;
};

const emptyPart = (): Part => ({
  dates: [],
  weekdays: [],
  scopes: [],
  weekend: false,
  times: [],
  softTimes: [],
});
const timesOf = (p: Part): Range[] => (p.times.length > 0 ? p.times : p.softTimes);
const newGroup = (): Group => ({
  ...emptyPart(),
  timeFirst: false,
  negative: false,
  except: null,
  leadingScope: false,
});
const hasDays = (p: Part) => p.dates.length > 0 || p.weekdays.length > 0 || p.weekend;
const hasTimes = (p: Part) => p.times.length > 0 || p.softTimes.length > 0;
const isEmpty = (p: Part) => !hasDays(p) && p.scopes.length === 0 && !hasTimes(p);

/** The parser's normal form: lowercase, accents gone, one kind of apostrophe and dash. */
function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[’ʼ`´]/g, "'")
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/[ \t\u00a0]+/g, ' ');
}

const END = '(?![\\p{L}\\p{N}])';

const patterns = new Map<string, RegExp>();
/** `source` compiled once (the tables are fixed, so the cache stays small). */
function pattern(source: string, flags = 'u'): RegExp {
  const key = `${flags}:${source}`;
  let compiled = patterns.get(key);
  if (!compiled) {
    compiled = new RegExp(source, flags);
    patterns.set(key, compiled);
  }
  compiled.lastIndex = 0;
  return compiled;
}

type Rule = {
  pattern: RegExp;
  read: (match: RegExpExecArray, at: ReaderContext) => Token[] | null;
};
type ReaderContext = {
  reference: string;
  language: AvailabilityLanguage;
  slashMonthFirst: boolean;
};

const rulesByLanguage = new Map<AvailabilityLanguage, Rule[]>();

const CLOCK =
  '(?:\\d{1,2}(?:[:.h]\\d{2})?(?:\\s?(?:a\\.?\\s?m\\.?|p\\.?\\s?m\\.?|h(?![\\p{L}])|uhr|hs|hrs)(?![\\p{L}]))?)';
const clockGlobal =
  /(\d{1,2})(?:[:.h](\d{2}))?(?:\s?(a\.?\s?m\.?|p\.?\s?m\.?|h(?![\p{L}])|uhr|hs|hrs)(?![\p{L}]))?/gu;

type Clock = { hour: number; minute: number; meridiem: 'am' | 'pm' | null; written24: boolean };

function clocksIn(text: string, noon: RegExp): Clock[] {
  const found: { at: number; clock: Clock }[] = [];
  for (const m of text.matchAll(clockGlobal)) {
    const suffix = m[3]?.replace(/[.\s]/g, '') ?? '';
    found.push({
      at: m.index,
      clock: {
        hour: Number(m[1]),
        minute: m[2] ? Number(m[2]) : 0,
        meridiem: suffix === 'am' ? 'am' : suffix === 'pm' ? 'pm' : null,
        written24: m[1]!.length === 2 && m[1]!.startsWith('0'),
      },
    });
  }
  for (const m of text.matchAll(pattern(noon.source, 'gu'))) {
    found.push({ at: m.index, clock: { hour: 12, minute: 0, meridiem: null, written24: true } });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.clock);
}

/** Minutes of the day of a clock on its own: 1–7 without am/pm are the afternoon. */
function minutesOf(clock: Clock, meridiem: 'am' | 'pm' | null): number | null {
  const { hour, minute } = clock;
  if (hour > 24 || minute > 59) return null;
  if (hour === 24) return minute === 0 ? 1440 : null;
  const m = clock.meridiem ?? meridiem;
  if (hour === 0 || hour > 12 || clock.written24) return hour * 60 + minute;
  if (m === 'pm') return ((hour % 12) + 12) * 60 + minute;
  if (m === 'am') return (hour % 12) * 60 + minute;
  return (hour <= 7 ? hour + 12 : hour) * 60 + minute;
}

/** A range's two ends, the second read after the first ("10–2" is 10:00–14:00). */
function rangeOf(start: Clock, end: Clock, meridiem: 'am' | 'pm' | null): Range | null {
  const endMinutes = minutesOf(end, meridiem);
  if (endMinutes === null) return null;
  let startMinutes: number | null;
  if (start.meridiem || start.hour > 12 || start.hour === 0 || start.written24) {
    startMinutes = minutesOf(start, null);
  } else if (end.meridiem === 'pm' || (meridiem === 'pm' && !end.meridiem)) {
    // "2–4pm", "8–10pm": the start shares the pm when it comes before the end on a 12-hour dial.
    const endHour12 = end.hour % 12;
    startMinutes =
      start.hour % 12 <= endHour12 && endHour12 > 0
        ? ((start.hour % 12) + 12) * 60 + start.minute
        : (start.hour % 12 === 0 ? 12 : start.hour) * 60 + start.minute;
  } else {
    startMinutes = minutesOf(start, meridiem);
  }
  if (startMinutes === null) return null;
  let to = endMinutes;
  // An end without am/pm that would come before the start is the afternoon ("10–2", "9am–5").
  if (
    to <= startMinutes &&
    !end.meridiem &&
    end.hour <= 12 &&
    !end.written24 &&
    end.hour * 60 + end.minute + 720 > startMinutes
  ) {
    to = ((end.hour % 12) + 12) * 60 + end.minute;
  }
  if (to <= startMinutes) return null;
  return { from: startMinutes, to: Math.min(to, 1440) };
}

function alternatives(list: string[]): string {
  return list.map((entry) => `(?:${entry})`).join('|');
}

function buildRules(language: AvailabilityLanguage): Rule[] {
  const words = availabilityWords[language];
  const sticky = (source: string) => new RegExp(`(?:${source})${END}`, 'uy');
  const weekday = alternatives(words.weekdays);
  const month = alternatives(words.months);
  const noon = new RegExp(`(?<![\\p{L}])(?:${words.noon})${END}`, 'u');
  const ordinal = '(?:st|nd|rd|th|er|eme|o|a|º|ª)?';
  const dayNumber = `(\\d{1,2})${ordinal}\\.?`;
  // Not "and": "Tuesday and Thursday" are two days, not three.
  const dayRangeSep =
    '\\s*(?:-|to|through|thru|till|until|a|al|au|bis|ao|ate)\\s*(?:(?:the|el|le|den|o)\\s+)?';
  const timeSep =
    "\\s*(?:-|to|till|til|until|through|and|a las|y las|hasta las|hasta|a|al|y|et|au|jusqu'a|jusqua|bis|und|ate as|ate|as|e)\\s*";
  const pmAfter = `(?:\\s+(?:${words.pm}))`;
  const amAfter = `(?:\\s+(?:${words.am}))`;
  const clockOrNoon = `(?:${CLOCK}|${words.noon})`;
  const rangePrefix =
    '(?:(?:from|between|de las|desde las|entre las|de la|desde|entre|de|des|du|von|zwischen|das|dalle|from the)\\s+)?';
  const weekdayIndex = (text: string) =>
    words.weekdays.findIndex((source) => pattern(`^(?:${source})$`).test(text));
  const monthIndex = (text: string) =>
    words.months.findIndex((source) => pattern(`^(?:${source})$`).test(text));
  const meridiemOf = (text: string): 'am' | 'pm' | null =>
    pattern(`${pmAfter}$`).test(text) ? 'pm' : pattern(`${amAfter}$`).test(text) ? 'am' : null;

  const dateOf = (day: number, monthNumber: number, year: number | null, at: ReaderContext) =>
    calendarDate(day, monthNumber, year, at.reference);

  const rules: Rule[] = [
    // ISO dates.
    {
      pattern: sticky('(\\d{4})-(\\d{2})-(\\d{2})'),
      read: (m) => {
        const date = `${m[1]}-${m[2]}-${m[3]}`;
        return isCalendarDate(date) ? [{ kind: 'dates', dates: [date] }] : null;
      },
    },
    // "14.–16. Dezember", "14-16 December", "del 14 al 16 de diciembre", "du 14 au 16 décembre".
    {
      pattern: sticky(
        `(?:(?:from|del|du|vom|von|de|do|from the)\\s+)?${dayNumber}${dayRangeSep}${dayNumber}\\s*(?:(?:of|de)\\s+)?(${month})`,
      ),
      read: (m, at) => {
        const monthNumber = monthIndex(m[3]!);
        const first = dateOf(Number(m[1]), monthNumber, null, at);
        const last = dateOf(Number(m[2]), monthNumber, null, at);
        return first && last ? [{ kind: 'dates', dates: datesBetween(first, last) }] : null;
      },
    },
    // "December 14–16", "Dec 14 to 16".
    {
      pattern: sticky(
        `(${month})\\.?\\s*${dayNumber}${dayRangeSep}${dayNumber}(?!\\s*(?:h|uhr|:))`,
      ),
      read: (m, at) => {
        const monthNumber = monthIndex(m[1]!);
        const first = dateOf(Number(m[2]), monthNumber, null, at);
        const last = dateOf(Number(m[3]), monthNumber, null, at);
        return first && last ? [{ kind: 'dates', dates: datesBetween(first, last) }] : null;
      },
    },
    // "17 and 18 December", "el 17 y el 18 de diciembre", "17. und 18. Dezember", "17, 18 et 19 décembre".
    {
      pattern: sticky(
        `\\d{1,2}${ordinal}\\.?(?:\\s*(?:,|or|and|y|o|et|ou|und|oder|e)\\s*(?:(?:the|el|le|den|o)\\s+)?\\d{1,2}${ordinal}\\.?)+\\s*(?:(?:of|de)\\s+)?(${month})`,
      ),
      read: (m, at) => {
        const monthNumber = monthIndex(m[1]!);
        const days = [...m[0].matchAll(/\d{1,2}/g)].map((d) => Number(d[0]));
        const dates = days.map((day) => dateOf(day, monthNumber, null, at));
        return dates.every(Boolean) ? [{ kind: 'dates', dates: dates as string[] }] : null;
      },
    },
    // "14 December", "14th of December", "14 de diciembre", "14. Dezember", "le 14 décembre".
    {
      pattern: sticky(`${dayNumber}\\s*(?:(?:of|de)\\s+)?(${month})\\.?`),
      read: (m, at) => {
        const date = dateOf(Number(m[1]), monthIndex(m[2]!), null, at);
        return date ? [{ kind: 'dates', dates: [date] }] : null;
      },
    },
    // "December 14", "Dec 14th".
    {
      pattern: sticky(`(${month})\\.?\\s*${dayNumber}(?![:\\d]|\\s*(?:h|uhr|am|pm)${END})`),
      read: (m, at) => {
        const date = dateOf(Number(m[2]), monthIndex(m[1]!), null, at);
        return date ? [{ kind: 'dates', dates: [date] }] : null;
      },
    },
    // "14.12.", "14.12.2026", "14/12", "12/14" (month first in the US).
    {
      pattern: sticky('(\\d{1,2})([./])(\\d{1,2})(?:\\2(\\d{2,4}))?(?:\\.)?'),
      read: (m, at) => {
        const separator = m[2]!;
        if (separator === '.' && !m[0].endsWith('.') && !m[4]) return null;
        let day = Number(m[1]);
        let monthNumber = Number(m[3]);
        if (separator === '/' && (monthNumber > 12 || (at.slashMonthFirst && day <= 12))) {
          [day, monthNumber] = [monthNumber, day];
        }
        const year = m[4] ? Number(m[4].length === 2 ? `20${m[4]}` : m[4]) : null;
        const date = dateOf(day, monthNumber - 1, year, at);
        return date ? [{ kind: 'dates', dates: [date] }] : null;
      },
    },
    // Weekday ranges: "Mon–Wed", "from Monday to Wednesday", "de lunes a miércoles", "Mo-Fr".
    {
      pattern: sticky(
        `(?:(?:from|de|du|von|del|do|da)\\s+)?(${weekday})${dayRangeSep}(${weekday})`,
      ),
      read: (m) => {
        const first = weekdayIndex(m[1]!);
        const last = weekdayIndex(m[2]!);
        if (first < 0 || last < 0) return null;
        const days: number[] = [];
        for (let d = first; ; d = (d + 1) % 7) {
          days.push(d);
          if (d === last || days.length > 7) break;
        }
        return [{ kind: 'weekdays', days }];
      },
    },
    { pattern: sticky(weekday), read: (m) => [{ kind: 'weekdays', days: [weekdayIndex(m[0])] }] },
    ...words.relativeDays.map(([source, offset]): Rule => ({
      pattern: sticky(source),
      read: (_m, at) => [{ kind: 'dates', dates: [addDays(at.reference, offset)] }],
    })),
    { pattern: sticky(words.nextWeek), read: () => [{ kind: 'scope', scope: 'NEXT_WEEK' }] },
    { pattern: sticky(words.thisWeek), read: () => [{ kind: 'scope', scope: 'THIS_WEEK' }] },
    { pattern: sticky(words.everyDay), read: () => [{ kind: 'scope', scope: 'EVERY_DAY' }] },
    { pattern: sticky(words.weekend), read: () => [{ kind: 'weekend' }] },
    // Time ranges: "9–12", "9am to 12:30pm", "de 9h à 12h", "von 10 bis 12 Uhr", "between 2 and 4".
    {
      pattern: sticky(
        `${rangePrefix}${clockOrNoon}${timeSep}${clockOrNoon}(?:\\s?(?:uhr|h|hs|hrs)${END})?(?:${pmAfter}|${amAfter})?`,
      ),
      read: (m) => {
        const clocks = clocksIn(m[0], noon);
        if (clocks.length < 2) return null;
        const range = rangeOf(clocks[0]!, clocks[1]!, meridiemOf(m[0]));
        return range ? [{ kind: 'time', range }] : null;
      },
    },
    // "after 2pm", "a partir de las 15h", "ab 14 Uhr".
    {
      pattern: sticky(`(?:${words.after})\\s+${clockOrNoon}(?:\\s?uhr)?(?:${pmAfter}|${amAfter})?`),
      read: (m) => {
        const clock = clocksIn(m[0], noon)[0];
        const from = clock ? minutesOf(clock, meridiemOf(m[0])) : null;
        if (from === null) return null;
        return [
          { kind: 'time', range: { from, to: Math.max(DAY_END, Math.min(from + 120, 1440)) } },
        ];
      },
    },
    // "before 11", "hasta las 13h", "bis 12 Uhr".
    {
      pattern: sticky(
        `(?:${words.before})\\s+${clockOrNoon}(?:\\s?uhr)?(?:${pmAfter}|${amAfter})?`,
      ),
      read: (m) => {
        const clock = clocksIn(m[0], noon)[0];
        const to = clock ? minutesOf(clock, meridiemOf(m[0])) : null;
        if (to === null || to <= DAY_START) return null;
        return [{ kind: 'time', range: { from: DAY_START, to } }];
      },
    },
    {
      pattern: sticky(words.allDay),
      read: () => [{ kind: 'time', range: { from: DAY_START, to: DAY_END } }],
    },
    {
      pattern: sticky(words.morning),
      read: () => [{ kind: 'time', range: PARTS.morning, soft: true }],
    },
    {
      pattern: sticky(words.afternoon),
      read: () => [{ kind: 'time', range: PARTS.afternoon, soft: true }],
    },
    {
      pattern: sticky(words.evening),
      read: () => [{ kind: 'time', range: PARTS.evening, soft: true }],
    },
    // A time on its own ("Monday at 3pm"): the hour that starts there.
    {
      pattern: sticky(`(?:(?:at|a las|a la|a|um|as|vers)\\s+)?${CLOCK}(?:${pmAfter}|${amAfter})?`),
      read: (m) => {
        if (!/[a-z:]/.test(m[0].replace(/^\d+$/, ''))) return null;
        const clock = clocksIn(m[0], noon)[0];
        const from = clock ? minutesOf(clock, meridiemOf(m[0])) : null;
        return from === null || from >= 1440
          ? null
          : [{ kind: 'time', range: { from, to: Math.min(from + 60, 1440) } }];
      },
    },
    { pattern: sticky(words.except), read: () => [{ kind: 'except' }] },
  ];
  return rules;
}

function rulesFor(language: AvailabilityLanguage): Rule[] {
  let rules = rulesByLanguage.get(language);
  if (!rules) {
    rules = buildRules(language);
    rulesByLanguage.set(language, rules);
  }
  return rules;
}

/** The date of day/month (0-based) on or after `reference` (within a year), or null. */
function calendarDate(
  day: number,
  month: number,
  year: number | null,
  reference: string,
): string | null {
  if (month < 0 || month > 11 || day < 1 || day > 31) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  const referenceYear = Number(reference.slice(0, 4));
  const candidates = year ? [year] : [referenceYear, referenceYear + 1];
  for (const y of candidates) {
    const date = `${y}-${pad(month + 1)}-${pad(day)}`;
    if (!isCalendarDate(date)) continue;
    if (year || date >= addDays(reference, -1)) return date;
  }
  return null;
}

function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let d = first; d <= last && dates.length < 62; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** The language a reply is written in: the one whose words it uses most (`fallback` for none). */
export function detectLanguage(
  text: string,
  fallback: AvailabilityLanguage = 'en',
): AvailabilityLanguage {
  const normal = normalize(text);
  let best: AvailabilityLanguage = fallback;
  let bestScore = 0;
  for (const language of availabilityLanguages) {
    const words = availabilityWords[language];
    // Matched letters, so that the longer phrase of two languages wins ("a tarde" over "tarde").
    const count = (source: string, weight: number) =>
      (normal.match(pattern(`(?<![\\p{L}\\p{N}])(?:${source})${END}`, 'gu')) ?? []).reduce(
        (sum, match) => sum + match.length * weight,
        0,
      );
    const longNames = [...words.weekdays, ...words.months]
      .map((source) => source.split('|').filter((entry) => entry.replace(/[^a-z]/g, '').length > 3))
      .flat()
      .join('|');
    const score =
      count(words.common, 1) +
      count(longNames, 3) +
      count(
        [
          words.morning,
          words.afternoon,
          words.evening,
          words.nextWeek,
          words.thisWeek,
          words.everyDay,
          words.weekend,
          words.after,
          words.before,
          ...words.relativeDays.map(([source]) => source),
        ].join('|'),
        2,
      );
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
}

const GREETING =
  /^(?:hi|hello|hey|dear|thanks?|thank you|cheers|best|regards|kind regards|hola|buenos dias|buenas|gracias|saludos|un saludo|bonjour|salut|merci|cordialement|bien a vous|hallo|guten tag|danke|viele grusse|beste grusse|lg|mfg|ola|oi|bom dia|boa tarde|obrigad[oa]|abracos?|atenciosamente)\b/u;

/** Zones a reply names: "EST", "London time", "hora de Madrid", "heure de Paris", "GMT+1". */
function zoneNamedIn(original: string, normal: string): string | null {
  for (const m of original.matchAll(/(?<![A-Za-z])([A-Z]{2,5})(?![A-Za-z])/g)) {
    const zones = ZONE_ABBREVIATIONS[m[1]!];
    if (zones?.[0]) return zones[0];
  }
  const place =
    /(?<![\p{L}])(?:hora de|horario de|heure de|hora local de|fuso de)\s+([\p{L}][\p{L} ]{1,30}?)(?=[\s,.;)]|$)|([\p{L}][\p{L} ]{1,30}?)\s+(?:time|zeit|hora|heure)(?![\p{L}])/gu;
  for (const m of normal.matchAll(place)) {
    const words = (m[1] ?? m[2] ?? '').trim().split(' ');
    // The last one, two or three words name the place ("my London time", "new york time").
    for (let n = Math.min(3, words.length); n >= 1; n--) {
      const zone = zoneOfPlace(words.slice(-n).join(' '));
      if (zone) return zone;
    }
  }
  return null;
}

let placeIndex: Map<string, string> | null = null;

function zoneOfPlace(name: string): string | null {
  if (!placeIndex) {
    placeIndex = new Map();
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const city = zone.split('/').pop()!.replace(/_/g, ' ');
      placeIndex.set(normalizeText(city), canonicalTimeZone(zone) ?? zone);
    }
    for (const [zone, names] of Object.entries(CITY_ALIASES)) {
      for (const alias of names) placeIndex.set(normalizeText(alias), zone);
    }
    for (const [alias, zone] of Object.entries(LOCAL_PLACE_NAMES)) placeIndex.set(alias, zone);
  }
  return placeIndex.get(normalizeText(name)) ?? null;
}

/** Place names as the five languages write them, where the zone id spells them otherwise. */
const LOCAL_PLACE_NAMES: Record<string, string> = {
  londres: 'Europe/London',
  londra: 'Europe/London',
  uk: 'Europe/London',
  lisboa: 'Europe/Lisbon',
  lissabon: 'Europe/Lisbon',
  lisbonne: 'Europe/Lisbon',
  munchen: 'Europe/Berlin',
  munich: 'Europe/Berlin',
  viena: 'Europe/Vienna',
  wien: 'Europe/Vienna',
  vienne: 'Europe/Vienna',
  bruselas: 'Europe/Brussels',
  bruxelles: 'Europe/Brussels',
  brussel: 'Europe/Brussels',
  'nueva york': 'America/New_York',
  'nova york': 'America/New_York',
  'nova iorque': 'America/New_York',
  'ciudad de mexico': 'America/Mexico_City',
  mexico: 'America/Mexico_City',
  'sao paulo': 'America/Sao_Paulo',
  brasilia: 'America/Sao_Paulo',
  brasil: 'America/Sao_Paulo',
  espana: 'Europe/Madrid',
  spanien: 'Europe/Madrid',
  espagne: 'Europe/Madrid',
  deutschland: 'Europe/Berlin',
  allemagne: 'Europe/Berlin',
  alemania: 'Europe/Berlin',
  france: 'Europe/Paris',
  frankreich: 'Europe/Paris',
  francia: 'Europe/Paris',
  portugal: 'Europe/Lisbon',
  londoner: 'Europe/London',
  berliner: 'Europe/Berlin',
  wiener: 'Europe/Vienna',
  zuricher: 'Europe/Zurich',
  'new yorker': 'America/New_York',
  eastern: 'America/New_York',
  pacific: 'America/Los_Angeles',
  central: 'America/Chicago',
  mountain: 'America/Denver',
  'central european': 'Europe/Berlin',
  'east coast': 'America/New_York',
};

/** Splits a reply into clauses: lines and sentences (a dot after a number is a date's, not an end). */
function clausesOf(text: string): string[] {
  return text
    .split(/\n|;|(?<!\d)\.(?=\s|$)|[!?](?=\s|$)/u)
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0);
}

/** The tokens of one clause, in order; `unknown` counts the words nothing read. */
function tokenize(clause: string, context: ReaderContext): { tokens: Token[]; unknown: number } {
  const rules = rulesFor(context.language);
  const tokens: Token[] = [];
  let unknown = 0;
  let at = 0;
  while (at < clause.length) {
    const char = clause[at]!;
    if (!/[\p{L}\p{N}]/u.test(char)) {
      at++;
      continue;
    }
    let matched = false;
    for (const rule of rules) {
      rule.pattern.lastIndex = at;
      const m = rule.pattern.exec(clause);
      if (!m || m[0].length === 0) continue;
      const read = rule.read(m, context);
      if (!read) continue;
      tokens.push(...read);
      at += m[0].length;
      matched = true;
      break;
    }
    if (!matched) {
      const word = /[\p{L}\p{N}']+/uy;
      word.lastIndex = at;
      const m = word.exec(clause);
      at += m ? m[0].length : 1;
      unknown++;
    }
  }
  return { tokens, unknown };
}

/** Days and hours grouped as the clause pairs them. */
function groupTokens(tokens: Token[]): Group[] {
  const groups: Group[] = [];
  let group = newGroup();
  let inExcept = false;
  let last: 'day' | 'time' | null = null;
  const flush = () => {
    if (inExcept && group.except && isEmpty(group.except)) {
      // "Friday doesn't work", "Freitag nicht": the negation follows what it negates.
      group.negative = true;
      group.except = null;
    }
    if (!isEmpty(group)) groups.push(group);
    group = newGroup();
    inExcept = false;
    last = null;
  };
  for (const token of tokens) {
    if (token.kind === 'zone') continue;
    if (token.kind === 'except') {
      if (isEmpty(group)) group.negative = true;
      else {
        inExcept = true;
        group.except ??= emptyPart();
      }
      continue;
    }
    if (token.kind === 'scope') {
      if (!inExcept && group.scopes.length > 0 && (hasDays(group) || hasTimes(group))) flush();
      if (isEmpty(group) && !group.negative) group.leadingScope = true;
      // Read after a flush, which starts a new group.
      (inExcept ? group.except! : group).scopes.push(token.scope);
      continue;
    }
    if (token.kind === 'time') {
      if (!inExcept) {
        if (group.timeFirst && hasDays(group) && last === 'day') flush();
        if (!hasDays(group) && !hasTimes(group) && group.scopes.length === 0)
          group.timeFirst = true;
      }
      const target = inExcept ? group.except! : group;
      (token.soft ? target.softTimes : target.times).push(token.range);
      last = 'time';
      continue;
    }
    // A day.
    if (inExcept) {
      if (hasTimes(group.except!) && last === 'time') {
        flush();
      } else {
        addDay(group.except!, token);
        last = 'day';
        continue;
      }
    }
    if (!group.timeFirst && hasDays(group) && hasTimes(group) && last === 'time') flush();
    addDay(group, token);
    last = 'day';
  }
  flush();
  return groups;
}

function addDay(part: Part, token: Token): void {
  if (token.kind === 'dates') part.dates.push(...token.dates);
  else if (token.kind === 'weekdays') part.weekdays.push(...token.days);
  else if (token.kind === 'weekend') part.weekend = true;
}

/** Monday of the ISO week of `date`. */
function mondayOf(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** The dates a part of a group names, given the reference date. */
function datesOf(part: Part, reference: string, fallbackScope: Scope[]): string[] {
  // "Wednesday 9 December": a weekday beside dates only describes them.
  const weekdays = new Set(part.dates.length > 0 && part.scopes.length === 0 ? [] : part.weekdays);
  if (part.weekend && part.dates.length === 0) {
    weekdays.add(0);
    weekdays.add(6);
  }
  const scopes = [
    ...(part.scopes.length > 0 ? part.scopes : part.dates.length > 0 ? [] : fallbackScope),
  ];
  const dates = new Set(part.dates);
  // Hours alone ("mornings"): the weekdays of the 14 days.
  if (scopes.length === 0 && weekdays.size === 0 && dates.size === 0 && !part.weekend)
    scopes.push('EVERY_DAY');
  if (scopes.length > 0 || weekdays.size > 0 || (part.weekend && part.dates.length === 0)) {
    const pool = new Set<string>();
    const windowDays = (from: string, count: number) => {
      for (let i = 0; i < count; i++) pool.add(addDays(from, i));
    };
    const weeks = scopes.filter((scope) => scope !== 'EVERY_DAY');
    // "Any day next week" is next week; "every day" alone is the 14-day window.
    if (weeks.length === 0) windowDays(reference, WINDOW_DAYS);
    if (weeks.includes('NEXT_WEEK')) windowDays(addDays(mondayOf(reference), 7), 7);
    if (weeks.includes('THIS_WEEK')) {
      const sunday = addDays(mondayOf(reference), 6);
      for (let d = reference; d <= sunday; d = addDays(d, 1)) pool.add(d);
    }
    const wanted = weekdays.size > 0 ? weekdays : new Set([1, 2, 3, 4, 5]);
    for (const date of pool) if (wanted.has(weekdayOf(date))) dates.add(date);
  }
  return [...dates].sort();
}

type DayRanges = Map<string, Range[]>;

function add(map: DayRanges, date: string, range: Range): void {
  const list = map.get(date) ?? [];
  list.push(range);
  map.set(date, list);
}

function subtract(ranges: Range[], cut: Range): Range[] {
  const out: Range[] = [];
  for (const r of ranges) {
    if (cut.to <= r.from || cut.from >= r.to) out.push(r);
    else {
      if (cut.from > r.from) out.push({ from: r.from, to: cut.from });
      if (cut.to < r.to) out.push({ from: cut.to, to: r.to });
    }
  }
  return out;
}

function union(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const out: Range[] = [];
  for (const r of sorted) {
    const previous = out[out.length - 1];
    if (previous && r.from <= previous.to) previous.to = Math.max(previous.to, r.to);
    else out.push({ ...r });
  }
  return out;
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function parseAvailability(input: ParseAvailabilityInput): ParsedAvailability {
  const language = input.language ?? detectLanguage(input.text, input.fallbackLanguage);
  const normal = normalize(input.text);
  const timezone = zoneNamedIn(input.text, normal) ?? input.timezone;
  const context: ReaderContext = {
    reference: input.referenceDate,
    language,
    slashMonthFirst: language === 'en' && timezone.startsWith('America/'),
  };
  const free: DayRanges = new Map();
  const removed: { dates: string[] | null; ranges: Range[] }[] = [];
  const unparsed: string[] = [];
  const originals = clausesOf(input.text.replace(/\r\n?/g, '\n'));
  let carriedScope: Scope[] = [];
  for (const original of originals) {
    const { tokens, unknown } = tokenize(normalize(original), context);
    const groups = groupTokens(tokens);
    if (groups.length === 0) {
      const plain = normalizeText(original);
      if (
        unknown > 0 &&
        plain.length > 0 &&
        !GREETING.test(plain) &&
        !tokens.some((t) => t.kind === 'except')
      )
        unparsed.push(original);
      continue;
    }
    // A clause that only names a week ("Next week:") frames the clauses after it.
    const only = groups[0]!;
    if (
      groups.length === 1 &&
      only.leadingScope &&
      !hasDays(only) &&
      !hasTimes(only) &&
      !only.negative &&
      original !== originals[originals.length - 1]
    ) {
      carriedScope = only.scopes;
      continue;
    }
    let clauseScope = carriedScope;
    for (const group of groups) {
      if (group.leadingScope) clauseScope = group.scopes;
      const scope = group.scopes.length > 0 || group.dates.length > 0 ? [] : clauseScope;
      const dates = datesOf(group, input.referenceDate, scope);
      const given = timesOf(group);
      const times =
        given.length > 0
          ? given
          : group.negative
            ? [{ from: 0, to: 1440 }]
            : [{ from: DAY_START, to: DAY_END }];
      if (group.negative) {
        removed.push({
          dates: hasDays(group) || group.scopes.length > 0 ? dates : null,
          ranges: times,
        });
        continue;
      }
      let kept = dates;
      const except = group.except;
      if (except && !isEmpty(except)) {
        const exceptDates =
          hasDays(except) || except.scopes.length > 0
            ? new Set(datesOf(except, input.referenceDate, []))
            : null;
        const exceptTimes = timesOf(except);
        const cuts = exceptTimes.length > 0 ? exceptTimes : [{ from: 0, to: 1440 }];
        if (exceptTimes.length === 0 && exceptDates)
          kept = dates.filter((d) => !exceptDates.has(d));
        else {
          for (const date of dates) {
            let ranges = times;
            if (!exceptDates || exceptDates.has(date))
              for (const cut of cuts) ranges = subtract(ranges, cut);
            for (const range of ranges) add(free, date, range);
          }
          continue;
        }
      }
      for (const date of kept) for (const range of times) add(free, date, range);
    }
  }
  const last = addDays(input.referenceDate, DATE_HORIZON_DAYS);
  const timeSlots: WallTimeSlot[] = [];
  for (const date of [...free.keys()].sort()) {
    if (date < input.referenceDate || date > last) continue;
    let ranges = union(free.get(date)!);
    for (const cut of removed) {
      if (cut.dates && !cut.dates.includes(date)) continue;
      for (const range of cut.ranges) ranges = subtract(ranges, range);
    }
    for (const range of ranges) {
      if (range.to > range.from)
        timeSlots.push({ date, startTime: clock(range.from), endTime: clock(range.to) });
    }
  }
  return { timezone, timeSlots, unparsed, language };
}
