/**
 * The search text of a zone, normalized once when the list is built so that each keystroke only
 * compares strings (no Intl, no regular expressions per option).
 */
import { CITY_ALIASES, COUNTRY_ALIASES, MAJOR_ZONES, ZONE_ABBREVIATIONS } from './zone-aliases';
import { getZoneCountry } from './zone-countries';
import { listLegacyNames } from './zone-names';
import { normalizeText } from './normalize-text';

export type ZoneSearchIndex = {
  /** Normalized names a whole query can equal: city, places, country, zone names, ids. */
  exact: ReadonlySet<string>;
  /** "\nname\nname…" without the ids: `starts.includes('\n' + query)` is a query the name begins. */
  starts: string;
  /** " word word … ": `words.includes(' ' + w)` is a word-prefix match. */
  words: string;
  /** Normalized abbreviation → rank; 0 is the zone the abbreviation means first. */
  abbreviations: ReadonlyMap<string, number>;
  /** Position in MAJOR_ZONES (how many candidates live there), MAJOR_ZONES.length if absent. */
  majorRank: number;
};

export type ZoneTexts = {
  id: string;
  /** Names of the zone and its country in any language (Intl's); null entries are skipped. */
  names: readonly (string | null)[];
  /** ICU's US-English abbreviations of the zone ("PST", "PDT"), ranked after the hand-written ones. */
  abbreviations: readonly string[];
};

let handRanks: Map<string, Map<string, number>> | undefined;

/** zone → (abbreviation → rank), inverted from ZONE_ABBREVIATIONS on first use. */
function readHandRanks(): Map<string, Map<string, number>> {
  if (!handRanks) {
    handRanks = new Map();
    for (const [abbreviation, zones] of Object.entries(ZONE_ABBREVIATIONS))
      zones.forEach((zone, rank) => {
        const ranks = handRanks?.get(zone) ?? new Map<string, number>();
        ranks.set(abbreviation.toLowerCase(), rank);
        handRanks?.set(zone, ranks);
      });
  }
  return handRanks;
}

const majorRanks = new Map(MAJOR_ZONES.map((zone, rank) => [zone, rank]));

// Below every hand-written rank: "PST" means Los Angeles before any other zone ICU calls PST.
const ICU_RANK = 100;

/** The id's first segment ("America", "Pacific") says too little to count as a name match. */
function splitId(id: string): { area: string | null; places: string[] } {
  const segments = id.split('/');
  return segments.length > 1
    ? { area: segments[0] ?? null, places: segments.slice(1) }
    : { area: null, places: segments };
}

function normalizeAll(names: readonly (string | null)[]): string[] {
  const normalized = names.filter((name) => name !== null).map(normalizeText);
  return [...new Set(normalized)].filter((name) => name !== '');
}

export function buildSearchIndex(texts: ZoneTexts): ZoneSearchIndex {
  const { area, places } = splitId(texts.id);
  const legacy = listLegacyNames(texts.id);
  const country = getZoneCountry(texts.id);
  // "Pacific" begins every Pacific/* id: begun ids would outrank "Pacific Time" for "pacific".
  const ids = normalizeAll([texts.id, ...legacy]);
  const names = normalizeAll([
    ...places,
    ...legacy.flatMap((old) => splitId(old).places),
    ...texts.names,
    ...(CITY_ALIASES[texts.id] ?? []),
    ...(country === null ? [] : (COUNTRY_ALIASES[country] ?? [])),
  ]);
  const abbreviations = new Map(readHandRanks().get(texts.id));
  for (const abbreviation of texts.abbreviations) {
    const key = abbreviation.toLowerCase();
    if (!abbreviations.has(key)) abbreviations.set(key, ICU_RANK);
  }
  const words = new Set([...ids, ...names].join(' ').split(' '));
  if (area !== null) words.add(normalizeText(area));
  return {
    exact: new Set([...ids, ...names]),
    starts: `\n${names.join('\n')}`,
    words: ` ${[...words].join(' ')} `,
    abbreviations,
    majorRank: majorRanks.get(texts.id) ?? MAJOR_ZONES.length,
  };
}

type Indexed = { id: string; name: string; city: string; country: string | null };

const indexes = new WeakMap<object, ZoneSearchIndex>();

/** Remembers the index of an option built by this module. */
export function attachSearchIndex(option: object, index: ZoneSearchIndex): void {
  indexes.set(option, index);
}

/**
 * The option's index. An option not built by listZoneOptions (a copy, a test fixture) gets one
 * from its own fields: no Intl, so no English country name or other-season zone names.
 */
export function getSearchIndex(option: Indexed): ZoneSearchIndex {
  let index = indexes.get(option);
  if (!index) {
    index = buildSearchIndex({
      id: option.id,
      names: [option.city, option.name, option.country],
      abbreviations: [],
    });
    indexes.set(option, index);
  }
  return index;
}
