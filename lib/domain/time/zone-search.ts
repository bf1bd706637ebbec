/**
 * Time-zone search for the candidate's zone picker: people type "India", "Mumbai", "IST", "PST",
 * "San Francisco", "GMT+9", not IANA ids. Pure: options come from listZoneOptions, which reads
 * Intl once per minute; a search only compares prepared strings (~420 options in well under 1 ms).
 */
import { normalizeText } from './normalize-text';
import { getSearchIndex, type ZoneSearchIndex } from './zone-index';
import type { ZoneOption } from './zone-options';

export { formatOffset } from './zone-format';
export { listZoneOptions, zoneOption } from './zone-options';
export type { ZoneListOptions, ZoneOption } from './zone-options';

type OffsetQuery = { minutes: number; hasSign: boolean };
type Query = {
  text: string;
  /** "\n" + text, to find a name the query begins. */
  start: string;
  /** Each word, and each with a space before it, to find a word it begins. */
  words: string[];
  wordStarts: string[];
  offset: OffsetQuery | null;
};

// "GMT+9", "utc-3", "UTC+5:30", "+05:30", "+0530", "GMT": a sign, or GMT/UTC, or both.
const OFFSET_QUERY = /^(gmt|utc)?(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/;

function parseOffsetQuery(query: string): OffsetQuery | null {
  const compact = query
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/\u2212/g, '-');
  const match = OFFSET_QUERY.exec(compact);
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  const hours = Number(match[3] ?? 0);
  const minutes = Number(match[4] ?? 0);
  if (hours > 14 || minutes >= 60) return null;
  return {
    minutes: (match[2] === '-' ? -1 : 1) * (hours * 60 + minutes),
    hasSign: match[2] !== undefined,
  };
}

// Ranks: an abbreviation's own order (0–99, ICU's 100) < offset < exact < prefix < word < substring.
const TIER = 1000;
const OFFSET_TIER = TIER;
const EXACT_TIER = 2 * TIER;
const PREFIX_TIER = 3 * TIER;
const WORD_TIER = 4 * TIER;
const SUBSTRING_TIER = 5 * TIER;

// Shorter words match only at a word's start: "ab" inside every "Arabia" would be noise.
const SUBSTRING_MIN = 3;

/**
 * WORD_TIER when every word begins a word of the zone (or is one of its abbreviations),
 * SUBSTRING_TIER when some only appear inside one, null when one does not appear. A loop, not
 * closures: this runs for every option on every keystroke.
 */
function rankWords(index: ZoneSearchIndex, query: Query): number | null {
  let rank = WORD_TIER;
  for (let i = 0; i < query.words.length; i++) {
    const word = query.words[i] ?? '';
    if (index.abbreviations.has(word) || index.words.includes(query.wordStarts[i] ?? word))
      continue;
    if (word.length < SUBSTRING_MIN || !index.words.includes(word)) return null;
    rank = SUBSTRING_TIER;
  }
  return rank;
}

function rankOption(option: ZoneOption, index: ZoneSearchIndex, query: Query): number | null {
  const abbreviation = index.abbreviations.get(query.text);
  if (abbreviation !== undefined) return abbreviation;
  if (query.offset) {
    if (query.offset.minutes === option.offsetMinutes) return OFFSET_TIER + index.majorRank;
    // "GMT+9" is only an offset; bare "GMT" or "UTC" is also a word.
    if (query.offset.hasSign) return null;
  }
  if (index.exact.has(query.text)) return EXACT_TIER;
  if (index.starts.includes(query.start)) return PREFIX_TIER;
  return rankWords(index, query);
}

/**
 * The options matching `query`, best first: an abbreviation's zones in the order it means them
 * ("IST" → Kolkata, Jerusalem, Dublin), then zones at a queried offset ("GMT+9", most populous
 * first), then exact names (city, place, country, zone name, id), then names the query begins,
 * then options where every word begins a word, then where every word appears. Among equal
 * matches the zones most candidates live in come first ("united states" → New York, "central
 * european" → Berlin), then the options' order. Case, accents, punctuation and spacing are ignored; a blank query returns
 * every option.
 */
export function searchZones(options: ZoneOption[], query: string): ZoneOption[] {
  const text = normalizeText(query);
  if (text === '') return [...options];
  const words = text.split(' ');
  const parsed: Query = {
    text,
    start: `\n${text}`,
    words,
    wordStarts: words.map((word) => ` ${word}`),
    offset: parseOffsetQuery(query),
  };
  const ranked: { option: ZoneOption; rank: number; major: number; order: number }[] = [];
  for (let order = 0; order < options.length; order++) {
    const option = options[order];
    if (!option) continue;
    const index = getSearchIndex(option);
    const rank = rankOption(option, index, parsed);
    if (rank !== null) ranked.push({ option, rank, major: index.majorRank, order });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.major - b.major || a.order - b.order)
    .map((entry) => entry.option);
}
