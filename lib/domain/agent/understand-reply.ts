import * as chrono from 'chrono-node';
import { addDays, dayNumberOf, weekdayOf } from '../time/calendar-date';
import { localDateOf, wallTimeToInstants } from '../slots/wall-clock';
import { zoneOffsetAt } from '../slots/zone-timeline';
import {
  partWindows,
  optOutWords,
  smsOptInKeywords,
  smsOptOutKeywords,
  wordTables,
  type PartOfDay,
  type ReplyLanguage,
  type WordTable,
} from './reply-words';

/**
 * What a candidate's reply means (DESIGN §7). Pure: the offered starts, the candidate's zone,
 * the message time and the current meeting come in; an intent (and the offered starts it names)
 * comes out. Nothing here books or sends: the conversation machine turns the answer into effects,
 * and a start it returns is always one of `offered`.
 */
export type ReplyContext = {
  text: string;
  channel: 'SMS' | 'WHATSAPP' | 'EMAIL';
  language: ReplyLanguage;
  /** The candidate's zone (the booking page's choice, else the meeting's). */
  zone: string;
  /** When the reply arrived, epoch ms. */
  receivedAt: number;
  /** Starts the candidate may book now, epoch ms, ascending. */
  offered: readonly number[];
  /** The starts the agent's last message proposed, in its numbering (1 = first). */
  lastProposal?: readonly number[];
  /** The booked meeting's start, when there is one (a time then means a move). */
  meetingStart?: number | null;
};

export type Understanding =
  | { intent: 'OPT_OUT' }
  | { intent: 'OPT_IN' }
  /** An offered start, named exactly or picked from the last proposal. */
  | { intent: 'BOOK'; start: number }
  /** Up to three offered starts to propose: inside what the reply named, else the nearest. */
  | { intent: 'PROPOSE'; starts: number[]; match: 'WITHIN' | 'NEAREST' }
  /** A booked meeting moved to an offered start, or starts to propose for the move. */
  | { intent: 'MOVE'; start: number }
  | { intent: 'MOVE_PROPOSE'; starts: number[]; match: 'WITHIN' | 'NEAREST' }
  | { intent: 'MORE_TIME' }
  | { intent: 'CANCEL' }
  | { intent: 'YES' }
  | { intent: 'NO' }
  | { intent: 'QUESTION' }
  /** A question the optional language model answered from the campaign's facts (never the rules). */
  | { intent: 'ANSWERED'; answer: string }
  | { intent: 'UNCLEAR' };

export type ReplyIntent = Understanding['intent'];

/** The offered starts an understanding names (booked, moved to or proposed), if any. */
export function namedStarts(understanding: Understanding): number[] | undefined {
  if ('start' in understanding) return [understanding.start];
  if ('starts' in understanding) return understanding.starts;
  return undefined;
}

const MINUTE = 60_000;
const PROPOSAL_SIZE = 3;

/** Lowercase, accents gone, apostrophes as `'`, other punctuation kept apart from words. */
export function normalizeReply(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[’ʼ`´]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const compiled = new Map<string, RegExp>();
/** `source` as a whole-word pattern (compiled once). */
function words(source: string, flags = ''): RegExp {
  const key = `${flags}:${source}`;
  let pattern = compiled.get(key);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, `u${flags}`);
    compiled.set(key, pattern);
  }
  return pattern;
}
const has = (text: string, source: string) => words(source).test(text);

/** The reply without quoted history, signatures and the greeting lines around the answer. */
export function replyBody(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (/^>/.test(trimmed)) break;
    if (
      /\b(?:wrote|escribió|escribio|a écrit|a ecrit|schrieb|escreveu)\b.{0,80}:\s*$/i.test(trimmed)
    )
      break;
    if (
      /^-{2,}\s*$|^_{3,}$|^sent from my |^enviado desde |^envoye de |^envoyé de |^gesendet von |^enviado do /i.test(
        trimmed,
      )
    )
      break;
    if (
      /^-{3,}\s*(?:original message|mensaje original|message d'origine|ursprungliche nachricht|ursprüngliche nachricht|mensagem original)/i.test(
        trimmed,
      )
    )
      break;
    kept.push(line);
  }
  return kept.join('\n').trim();
}

type Wall = { date: string; minutes: number };

/** Wall date and minutes of an instant in `zone`. */
function wallOf(zone: string, instant: number): Wall {
  const local = instant + zoneOffsetAt(zone, instant);
  const minutes = Math.floor(local / MINUTE) % 1440;
  return { date: localDateOf(zone, instant), minutes: (minutes + 1440) % 1440 };
}

type TimeRead = {
  /** Candidate minutes of the day, in order of preference (an hour without am/pm has two). */
  minutes: number[];
  /** Where the time was found (to tell it apart from a date's numbers). */
  index: number;
};

type Reading = {
  /** The reply says no to something ("Tuesday doesn't work"). */
  negative: boolean;
  dates: string[] | null;
  time: TimeRead | null;
  window: { from: number; to: number } | null;
};

const clockPattern =
  /(?<![\p{L}\p{N}/.:])(\d{1,2})(?:(?::|h|\.(?=\d{2}\s*(?:uhr|h|am|pm|a\.?m|p\.?m)))(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|uhr|h(?![\p{L}]))?(?![\p{L}\p{N}/:]|\.\d)/gu;

/** The hour of a number word or numeral (1–24), or null. */
function hourWord(token: string, table: WordTable): number | null {
  if (/^\d{1,2}$/.test(token)) return Number(token);
  const index = table.numbers.indexOf(token);
  if (index >= 0) return index + 1;
  if (table === wordTables.es && token === 'la una') return 1;
  if (table === wordTables.de && token === 'ein') return 1;
  if (table === wordTables.pt && token === 'dois') return 2;
  return null;
}

/** Hours written 1–7 without am/pm are the afternoon; 8–12 as written (DESIGN §8). */
function hourCandidates(hour: number, minute: number, meridiem: 'am' | 'pm' | null): number[] {
  if (hour > 24 || minute > 59) return [];
  if (hour > 12 || hour === 0) return [(hour % 24) * 60 + minute];
  if (meridiem === 'pm') return [((hour % 12) + 12) * 60 + minute];
  if (meridiem === 'am') return [(hour % 12) * 60 + minute];
  const morning = (hour % 12) * 60 + minute;
  const afternoon = ((hour % 12) + 12) * 60 + minute;
  if (hour === 12) return [12 * 60 + minute, minute];
  return hour <= 7 ? [afternoon, morning] : [morning, afternoon];
}

function meridiemNear(text: string, at: number, table: WordTable): 'am' | 'pm' | null {
  const after = text.slice(at, at + 30);
  if (words(`^\\s*(?:${table.pm})`).test(after)) return 'pm';
  if (words(`^\\s*(?:${table.am})`).test(after)) return 'am';
  const part = readPart(text, table);
  if (part === 'afternoon' || part === 'evening') return 'pm';
  if (part === 'morning') return 'am';
  return null;
}

/** The clock time a reply names, if any ("2pm", "14h30", "a las 3 de la tarde", "halb drei"). */
function readTime(text: string, table: WordTable): TimeRead | null {
  const marker = table.timeMarker;
  // German "halb drei" = 2:30.
  if (table.halfBefore) {
    const half = new RegExp(
      `(?<![\\p{L}])${table.halfBefore} (\\d{1,2}|${table.numbers.join('|')})(?![\\p{L}\\p{N}])`,
      'u',
    ).exec(text);
    if (half) {
      const hour = hourWord(half[1]!, table);
      if (hour) {
        const previous = hour === 1 ? 12 : hour - 1;
        return {
          minutes: hourCandidates(
            previous,
            30,
            meridiemNear(text, half.index + half[0].length, table),
          ),
          index: half.index,
        };
      }
    }
  }
  for (const match of text.matchAll(clockPattern)) {
    const [whole, hourText, minuteText, suffix] = match;
    const at = match.index;
    const before = text.slice(Math.max(0, at - 24), at);
    const markedBefore = words(`(?:${marker}|${table.after}|${table.before})\\s*$`).test(before);
    const explicit = suffix !== undefined || minuteText !== undefined;
    if (!explicit && !markedBefore) {
      // A bare number is a time only when a part of the day or am/pm words follow it.
      const after = text.slice(at + whole.length, at + whole.length + 24);
      if (
        !words(`^\\s*(?:${table.pm}|${table.am}|${table.halfAfter}|${table.quarterAfter})`).test(
          after,
        )
      )
        continue;
    }
    // A date's numbers ("12/9", "9.12.", "the 9th") are not times.
    if (
      /^\s*(?:st|nd|rd|th|de|e|er|o|a)\b/.test(text.slice(at + whole.length)) &&
      !explicit &&
      !markedBefore
    )
      continue;
    let hour = Number(hourText);
    let minute = minuteText ? Number(minuteText) : 0;
    const after = text.slice(at + whole.length);
    if (!minuteText) {
      if (words(`^\\s*(?:${table.halfAfter})`).test(after)) minute = 30;
      else if (words(`^\\s*(?:${table.quarterAfter})`).test(after)) minute = 15;
    }
    const suffixText = suffix?.replace(/[\s.]/g, '');
    let meridiem: 'am' | 'pm' | null =
      suffixText === 'am' ? 'am' : suffixText === 'pm' ? 'pm' : null;
    meridiem ??= meridiemNear(text, at + whole.length, table);
    if (hour > 24) continue;
    if (hour === 24) hour = 0;
    const minutes = hourCandidates(hour, minute, meridiem);
    if (minutes.length > 0) return { minutes, index: at };
  }
  // Number words after a marker: "at two", "a las tres", "à deux heures", "um zwei", "às duas".
  const numberWords = table.numbers.join('|');
  const spelled = new RegExp(
    `(?<![\\p{L}])(?:${marker}) (?:la |las )?(${numberWords}|ein|dois)(?: (?:heures?|heure|uhr|horas?|o'clock|oclock))?(?: (${table.halfAfter}|${table.quarterAfter}))?(?![\\p{L}\\p{N}])`,
    'u',
  ).exec(text);
  if (spelled) {
    const hour = hourWord(spelled[1]!, table);
    if (hour) {
      const minute = spelled[2]
        ? words(table.halfAfter).test(spelled[2])
          ? 30
          : 15
        : words(`^\\s*(?:${table.halfAfter})`).test(text.slice(spelled.index + spelled[0].length))
          ? 30
          : 0;
      return {
        minutes: hourCandidates(
          hour,
          minute,
          meridiemNear(text, spelled.index + spelled[0].length, table),
        ),
        index: spelled.index,
      };
    }
  }
  if (has(text, table.noon)) return { minutes: [12 * 60], index: text.search(words(table.noon)) };
  // English "half past two".
  const past =
    /(?<![\p{L}])(half|quarter) past (\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?![\p{L}\p{N}])/u.exec(
      text,
    );
  if (past && table === wordTables.en) {
    const hour = hourWord(past[2]!, table)!;
    return {
      minutes: hourCandidates(
        hour,
        past[1] === 'half' ? 30 : 15,
        meridiemNear(text, past.index + past[0].length, table),
      ),
      index: past.index,
    };
  }
  return null;
}

function readPart(text: string, table: WordTable): PartOfDay | null {
  for (const part of ['morning', 'afternoon', 'evening'] as const) {
    if (has(text, table.parts[part])) return part;
  }
  return null;
}

/** The dates a reply names: weekdays, relative days, weeks, or a calendar date (via chrono). */
function readDates(
  text: string,
  table: WordTable,
  context: ReplyContext,
  today: string,
  preferLast: boolean,
): string[] | null {
  type Found = { at: number; dates: string[] };
  const found: Found[] = [];
  for (const [source, days] of table.relativeDays) {
    const match = words(source).exec(text);
    if (match) found.push({ at: match.index, dates: [addDays(today, days)] });
  }
  table.weekdays.forEach((source, weekday) => {
    for (const match of text.matchAll(words(source, 'g'))) {
      // Portuguese "a segunda" after a proposal is the second one, not Monday (read as a pick).
      // Today's weekday means next week's ("Monday" said on a Monday); "next week" moves it on.
      const ahead = (weekday - weekdayOf(today) + 7) % 7 || 7;
      const nextMonday = addDays(today, (8 - weekdayOf(today)) % 7 || 7);
      const date = has(text, table.nextWeek)
        ? addDays(nextMonday, (weekday + 6) % 7)
        : addDays(today, ahead);
      found.push({ at: match.index, dates: [date] });
    }
  });
  if (found.length === 0) {
    if (has(text, table.nextWeek)) {
      const monday = addDays(today, (8 - weekdayOf(today)) % 7 || 7);
      return [0, 1, 2, 3, 4].map((d) => addDays(monday, d));
    }
    if (has(text, table.thisWeek)) {
      const left = 6 - weekdayOf(today);
      return Array.from({ length: Math.max(1, left) }, (_, d) => addDays(today, d));
    }
    const date = chronoDate(text, context, today);
    if (date) return [date];
    return null;
  }
  found.sort((a, b) => a.at - b.at);
  return (preferLast ? found[found.length - 1] : found[0])!.dates;
}

const parsers: Record<ReplyLanguage, chrono.Chrono> = {
  en: chrono.en.casual,
  es: chrono.es.casual,
  fr: chrono.fr.casual,
  de: chrono.de.casual,
  pt: chrono.pt.casual,
};

/** An explicit calendar date ("December 9", "9 décembre", "9.12.", "12/9"), read by chrono. */
function chronoDate(text: string, context: ReplyContext, today: string): string | null {
  if (
    !/\d|janu|febr|marc|marz|april|abril|avril|may|mayo|mai|maio|jun|jul|aug|agost|aout|sept|set|octo|oktob|outub|nov|dec|dez|dic/.test(
      text,
    )
  )
    return null;
  const offsetMinutes = Math.round(zoneOffsetAt(context.zone, context.receivedAt) / MINUTE);
  const results = parsers[context.language].parse(
    text,
    { instant: new Date(context.receivedAt), timezone: offsetMinutes },
    { forwardDate: true },
  );
  for (const result of results) {
    if (!result.start.isCertain('day')) continue;
    const year = result.start.get('year')!;
    const month = result.start.get('month')!;
    const day = result.start.get('day')!;
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (dayNumberOf(date) < dayNumberOf(today)) continue;
    return date;
  }
  return null;
}

function readRange(
  text: string,
  table: WordTable,
  time: TimeRead | null,
): { from: number; to: number } | null {
  if (!time) return null;
  const before = text.slice(Math.max(0, time.index - 20), time.index);
  if (words(`(?:${table.after})\\s*$`).test(before)) return { from: time.minutes[0]!, to: 18 * 60 };
  if (words(`(?:${table.before})\\s*$`).test(before)) return { from: 9 * 60, to: time.minutes[0]! };
  return null;
}

function read(text: string, table: WordTable, context: ReplyContext, today: string): Reading {
  const negative = has(text, table.negation);
  const time = readTime(text, table);
  const part = readPart(text, table);
  const range = readRange(text, table, time);
  const dates = readDates(text, table, context, today, negative);
  const window = range ?? (part ? partWindows[part] : null);
  return { negative, dates, time: range ? null : time, window };
}

/** Offered starts, in the candidate's wall clock. */
function walls(context: ReplyContext) {
  return context.offered.map((start) => ({ start, ...wallOf(context.zone, start) }));
}

function spread(starts: number[]): number[] {
  if (starts.length <= PROPOSAL_SIZE) return starts;
  const picks = [
    starts[0]!,
    starts[Math.floor((starts.length - 1) / 2)]!,
    starts[starts.length - 1]!,
  ];
  return [...new Set(picks)];
}

function nearest(offered: readonly number[], target: number): number[] {
  return [...offered]
    .sort((a, b) => Math.abs(a - target) - Math.abs(b - target) || a - b)
    .slice(0, PROPOSAL_SIZE)
    .sort((a, b) => a - b);
}

type TimeAnswer =
  | { kind: 'exact'; start: number }
  | { kind: 'propose'; starts: number[]; match: 'WITHIN' | 'NEAREST' };

/** What a reading of days, times and parts of days selects among the offered starts. */
function select(reading: Reading, context: ReplyContext, today: string): TimeAnswer | null {
  const { dates, time, window } = reading;
  if (!dates && !time && !window) return null;
  const offered = walls(context);
  const onDates = dates ? offered.filter((o) => dates.includes(o.date)) : offered;
  if (time) {
    for (const minutes of time.minutes) {
      const exact = onDates.filter((o) => o.minutes === minutes);
      if (dates && exact.length > 0) return { kind: 'exact', start: exact[0]!.start };
      if (!dates && exact.length === 1) return { kind: 'exact', start: exact[0]!.start };
      if (!dates && exact.length > 1)
        return {
          kind: 'propose',
          starts: exact.slice(0, PROPOSAL_SIZE).map((o) => o.start),
          match: 'WITHIN',
        };
    }
    const date = dates?.[0] ?? today;
    const target =
      wallTimeToInstants(context.zone, date, time.minutes[0]!)[0] ??
      wallTimeToInstants(context.zone, date, time.minutes[0]! + 60)[0]!;
    return { kind: 'propose', starts: nearest(context.offered, target), match: 'NEAREST' };
  }
  const inside = window
    ? onDates.filter((o) => o.minutes >= window.from && o.minutes < window.to)
    : onDates;
  if (inside.length > 0)
    return { kind: 'propose', starts: spread(inside.map((o) => o.start)), match: 'WITHIN' };
  const date = dates?.[0] ?? today;
  const middle = window ? Math.round((window.from + window.to) / 2) : 12 * 60;
  const target = wallTimeToInstants(context.zone, date, middle)[0] ?? context.receivedAt;
  return { kind: 'propose', starts: nearest(context.offered, target), match: 'NEAREST' };
}

/** A pick among the last proposal: "2", "#2", "option 2", "the second one", "la última", "3:30". */
function readPick(text: string, table: WordTable, context: ReplyContext): number | null {
  const proposal = context.lastProposal ?? [];
  if (proposal.length === 0) return null;
  const bare = text
    .replace(/[!.,;()\-?]+/g, ' ')
    .replace(
      words(
        "please|por favor|s'il vous plait|svp|bitte|thanks|thank you|gracias|merci|danke|obrigad[oa]|works|work|funciona|me va bien|me viene bien|va bien|ca marche|passt|geht|serve|fica bom|ok|okay|perfect|perfecto|parfait|perfekt|perfeito|great|genial|super",
      ),
      ' ',
    )
    .replace(/\s+/g, ' ')
    .trim();
  const numbered =
    /^(?:(?:option|opcion|opcao|opção|numero|number|nummer|nr|no|n°|#|la|el|le|la|die|der|das|a|o|the)\s*)*#?([1-9])(?:\s*(?:one|st|nd|rd|th|e|er|a|o))?$/.exec(
      bare,
    );
  if (numbered) {
    const index = Number(numbered[1]) - 1;
    return proposal[index] ?? null;
  }
  for (let i = 0; i < table.ordinals.length; i++) {
    if (has(bare, table.ordinals[i]!) && bare.split(' ').length <= 6) return proposal[i] ?? null;
  }
  if (has(bare, table.last) && bare.split(' ').length <= 5) return proposal[proposal.length - 1]!;
  return null;
}

/** A time that names one of the last proposal's starts ("3:30", "the 2pm"). */
function pickByTime(
  time: TimeRead | null,
  dates: string[] | null,
  context: ReplyContext,
): number | null {
  const proposal = context.lastProposal ?? [];
  if (!time || proposal.length === 0) return null;
  for (const minutes of time.minutes) {
    const matching = proposal.filter((start) => {
      const wall = wallOf(context.zone, start);
      return wall.minutes === minutes && (!dates || dates.includes(wall.date));
    });
    if (matching.length === 1) return matching[0]!;
  }
  return null;
}

function isOptOut(text: string, table: WordTable, context: ReplyContext): boolean {
  const bare = text
    .replace(/[^\p{L}\p{N}\s]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  const isKeyword = smsOptOutKeywords.includes(bare.replace(/\s/g, ''));
  if (context.channel !== 'EMAIL' && isKeyword) return true;
  if (optOutWords[context.language].includes(bare)) return true;
  // English requests are understood in every language's conversation.
  return has(text, table.optOut) || has(text, wordTables.en.optOut);
}

function shortAnswer(text: string, source: string): boolean {
  const bare = text
    .replace(/[^\p{L}\p{N}\s']+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return bare.split(' ').length <= 5 && words(`^(?:${source})`).test(bare);
}

export function understandReply(context: ReplyContext): Understanding {
  const table = wordTables[context.language];
  const text = normalizeReply(context.channel === 'EMAIL' ? replyBody(context.text) : context.text);
  if (!/[\p{L}\p{N}]/u.test(text)) return { intent: 'UNCLEAR' };
  if (isOptOut(text, table, context)) return { intent: 'OPT_OUT' };
  const bare = text.replace(/[^\p{L}\p{N}]+/gu, '');
  if (smsOptInKeywords.includes(bare)) return { intent: 'OPT_IN' };

  const booked = context.meetingStart !== null && context.meetingStart !== undefined;
  const today = localDateOf(context.zone, context.receivedAt);
  const pick = readPick(text, table, context);
  if (pick !== null)
    return booked ? { intent: 'MOVE', start: pick } : { intent: 'BOOK', start: pick };

  const reading = read(text, table, context, today);
  const picked = pickByTime(reading.time, reading.dates, context);
  if (picked !== null)
    return booked ? { intent: 'MOVE', start: picked } : { intent: 'BOOK', start: picked };

  const cancels = has(text, table.cancel);
  const wantsOther = has(text, table.moreTime);
  const { negative } = reading;
  const onlyRejects =
    negative &&
    reading.dates?.length === 1 &&
    !reading.time &&
    !reading.window &&
    !has(text, table.reschedule);
  if ((reading.dates || reading.time || reading.window) && !onlyRejects) {
    const answer = select(reading, context, today);
    if (answer) {
      if (answer.kind === 'exact')
        return booked
          ? { intent: 'MOVE', start: answer.start }
          : { intent: 'BOOK', start: answer.start };
      return booked
        ? { intent: 'MOVE_PROPOSE', starts: answer.starts, match: answer.match }
        : { intent: 'PROPOSE', starts: answer.starts, match: answer.match };
    }
  }
  if (cancels && !onlyRejects) return { intent: 'CANCEL' };
  if (wantsOther || onlyRejects) return { intent: 'MORE_TIME' };
  if (booked && has(text, table.reschedule)) return { intent: 'MORE_TIME' };
  if (shortAnswer(text, table.yes)) return { intent: 'YES' };
  if (shortAnswer(text, table.no)) return { intent: 'NO' };
  if (text.includes('?') || words(`^(?:${table.question})`).test(text))
    return { intent: 'QUESTION' };
  return { intent: 'UNCLEAR' };
}
