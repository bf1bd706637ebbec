/**
 * The zones a candidate can pick, described for a combobox at one instant in one language. Pure:
 * the instant, locale and clock style are arguments; only Intl is consulted.
 */
import { getZoneCountry, listTzdataZones } from './zone-countries';
import {
  formatLocalTime,
  formatOffset,
  readCountryName,
  readZoneClock,
  readZoneName,
  resolveLocale,
} from './zone-format';
import { attachSearchIndex, buildSearchIndex, type ZoneSearchIndex } from './zone-index';
import { composeLabelStem, readCity } from './zone-label';
import { canonicalZoneName, isKnownZone, renameLegacyZone } from './zone-names';

export type ZoneOption = {
  /** Canonical IANA id of today, e.g. 'Asia/Kolkata'. */
  id: string;
  /**
   * Intl's generic name in the locale ('India Standard Time', 'Pacific Time'), else its long name
   * ('Coordinated Universal Time'), else the city.
   */
  name: string;
  /** The id's place, readable: 'Kolkata', 'New York', 'Ho Chi Minh'; 'UTC' for UTC. */
  city: string;
  /** The zone's country in the locale ('India', 'Indien'); null for UTC. */
  country: string | null;
  /** Minutes east of UTC at the list's instant. */
  offsetMinutes: number;
  /** 'GMT+05:30', 'GMT-08:00', 'GMT+00:00'. */
  offsetLabel: string;
  /** Wall-clock time in the zone at the list's instant: '20:52' or '8:52 PM'. */
  localTime: string;
  /** What the combobox shows: 'India Standard Time — Kolkata (20:52)'. */
  label: string;
};

export type ZoneListOptions = {
  /** The instant described, epoch ms (only its minute matters). */
  now: number;
  /** BCP 47 tag for names and times; an invalid tag counts as 'en'. */
  locale: string;
  /** '8:52 PM' rather than '20:52'. */
  hour12: boolean;
  /** Ids to include even if the runtime does not list them (unknown ones are skipped). */
  extra?: string[];
};

/** What does not change within a year for a zone in a locale: names and the search index. */
type ZoneFacts = {
  city: string;
  country: string | null;
  /** Intl's generic name and the label text before the time, when Intl has a name all year. */
  genericName: string | null;
  labelStem: string | null;
  index: ZoneSearchIndex;
};

const FACT_GROUPS = 4;
const facts = new Map<string, Map<string, ZoneFacts>>();

/**
 * Names come from mid-January and mid-July of `year`, so that both a standard and a summer name
 * ("Pacific Standard Time", "Pacific Daylight Time") are searchable whatever the season.
 */
function buildFacts(id: string, locale: string, year: number): ZoneFacts {
  const january = Date.UTC(year, 0, 15);
  const seasons = [january, Date.UTC(year, 6, 15)];
  const city = readCity(id);
  const code = getZoneCountry(id);
  const country = code === null ? null : readCountryName(code, locale);
  const genericName = readZoneName(id, locale, 'longGeneric', january);
  const names = [
    city,
    country,
    genericName,
    ...seasons.map((at) => readZoneName(id, 'en', 'long', at)),
  ];
  // Candidates often type English whatever the page's language.
  if (locale !== 'en')
    names.push(
      code === null ? null : readCountryName(code, 'en'),
      readZoneName(id, 'en', 'longGeneric', january),
    );
  if (genericName === null)
    names.push(...seasons.map((at) => readZoneName(id, locale, 'long', at)));
  const abbreviations = seasons.flatMap((at) => readZoneClock(id, at).abbreviation ?? []);
  return {
    city,
    country,
    genericName,
    labelStem: genericName === null ? null : composeLabelStem(genericName, city),
    index: buildSearchIndex({ id, names, abbreviations }),
  };
}

function readFacts(id: string, locale: string, at: number): ZoneFacts {
  const year = new Date(at).getUTCFullYear();
  const group = `${locale}|${year}`;
  let zones = facts.get(group);
  if (!zones) {
    if (facts.size >= FACT_GROUPS) facts.delete(facts.keys().next().value ?? group);
    zones = new Map();
    facts.set(group, zones);
  }
  let hit = zones.get(id);
  if (!hit) {
    hit = buildFacts(id, locale, year);
    zones.set(id, hit);
  }
  return hit;
}

/** `id` must be known to the runtime; `at` is epoch ms at the start of a minute. */
function buildOption(id: string, locale: string, hour12: boolean, at: number): ZoneOption {
  const zone = readFacts(id, locale, at);
  const { offsetMinutes } = readZoneClock(id, at);
  const localTime = formatLocalTime(at, offsetMinutes, locale, hour12);
  // Zones Intl has no generic name for (UTC) use the name of the day, e.g. a summer time.
  const name = zone.genericName ?? readZoneName(id, locale, 'long', at) ?? zone.city;
  const stem = zone.labelStem ?? composeLabelStem(name, zone.city);
  const option: ZoneOption = Object.freeze({
    id,
    name,
    city: zone.city,
    country: zone.country,
    offsetMinutes,
    offsetLabel: formatOffset(offsetMinutes),
    localTime,
    label: `${stem} (${localTime})`,
  });
  attachSearchIndex(option, zone.index);
  return option;
}

let runtimeZones: string[] | undefined;

/** The runtime's zones under today's names; tzdata's list where Intl cannot enumerate (old Safari). */
function listRuntimeZones(): string[] {
  if (!runtimeZones) {
    const listed =
      typeof Intl.supportedValuesOf === 'function'
        ? Intl.supportedValuesOf('timeZone').map(renameLegacyZone)
        : listTzdataZones().filter(isKnownZone).map(canonicalZoneName);
    runtimeZones = [...new Set(listed)];
  }
  return runtimeZones;
}

const LIST_LIMIT = 8;
const lists = new Map<string, ZoneOption[]>();
const collators = new Map<string, Intl.Collator>();

function readCollator(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    if (collators.size >= 20) collators.clear();
    collator = new Intl.Collator(locale);
    collators.set(locale, collator);
  }
  return collator;
}

/**
 * Every zone the runtime knows, plus UTC and `extra`, under today's ids, described at the minute of
 * `now`; sorted west to east by UTC offset, then by label. The list is remembered per locale, clock
 * style and minute, so reopening the combobox costs nothing. The first list builds three Intl
 * formatters per zone (0.1–0.2 s in Node; build it before the combobox opens); a new minute or
 * locale reuses them (~10 ms, ~100 ms).
 */
export function listZoneOptions(options: ZoneListOptions): ZoneOption[] {
  const locale = resolveLocale(options.locale);
  const minute = Math.floor(options.now / 60_000);
  const extra = [...new Set((options.extra ?? []).map(canonicalZoneName))].filter(isKnownZone);
  const key = `${locale}|${options.hour12}|${minute}|${extra.sort().join(' ')}`;
  let list = lists.get(key);
  if (!list) {
    const at = minute * 60_000;
    const ids = new Set([...listRuntimeZones(), 'UTC', ...extra]);
    const collator = readCollator(locale);
    list = [...ids]
      .map((id) => buildOption(id, locale, options.hour12, at))
      .sort(
        (a, b) =>
          a.offsetMinutes - b.offsetMinutes ||
          collator.compare(a.label, b.label) ||
          (a.id < b.id ? -1 : 1),
      );
    if (lists.size >= LIST_LIMIT) lists.delete(lists.keys().next().value ?? key);
    lists.set(key, list);
  }
  return [...list];
}

/**
 * The option of one zone (any spelling the runtime accepts, legacy ids included), described like
 * the list's at the minute of `now`. Throws a RangeError for a zone the runtime does not know.
 */
export function zoneOption(id: string, options: ZoneListOptions): ZoneOption {
  const zone = canonicalZoneName(id);
  if (!isKnownZone(zone)) throw new RangeError(`Unknown time zone "${id}"`);
  const at = Math.floor(options.now / 60_000) * 60_000;
  return buildOption(zone, resolveLocale(options.locale), options.hour12, at);
}
