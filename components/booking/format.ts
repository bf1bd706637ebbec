/**
 * Instants shown in a chosen IANA zone, with the browser's Intl (no date library in the bundle).
 * Every `ms` is epoch milliseconds; every `zone` an IANA name.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function format(
  zone: string,
  kind: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${kind}|${zone}`;
  let hit = formats.get(key);
  if (!hit) {
    hit = new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone });
    formats.set(key, hit);
  }
  return hit;
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/** The wall-clock date of `ms` in `zone`, `YYYY-MM-DD`. */
export function dateInZone(ms: number, zone: string): string {
  const parts = format(zone, 'ymd', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(ms);
  return `${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')}`;
}

function timeFormat(zone: string, hour12: boolean): Intl.DateTimeFormat {
  return hour12
    ? format(zone, 't12', { hour: 'numeric', minute: '2-digit', hour12: true })
    : format(zone, 't24', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** "7:30 PM" or "19:30". */
export function formatTime(ms: number, zone: string, hour12: boolean): string {
  return timeFormat(zone, hour12).format(ms);
}

/** "7:30 – 8:00 PM" or "19:30 – 20:00". */
export function formatTimeRange(start: number, end: number, zone: string, hour12: boolean): string {
  return timeFormat(zone, hour12).formatRange(start, end);
}

/** "Thursday, March 5, 2026" (the date in `zone`). */
export function formatLongDate(ms: number, zone: string): string {
  return format(zone, 'long', {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  }).format(ms);
}

/** "GMT+05:45", "GMT-04:00", "GMT+00:00": the zone's offset at `ms`. */
export function offsetLabel(zone: string, ms: number): string {
  const name = part(
    format(zone, 'offset', { timeZoneName: 'longOffset' }).formatToParts(ms),
    'timeZoneName',
  );
  return name === 'GMT' || name === '' ? 'GMT+00:00' : name;
}

function offsetMinutes(label: string): number {
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(label);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** "(GMT+05:45) Asia/Kathmandu". */
export function zoneLabel(zone: string, ms: number): string {
  return `(${offsetLabel(zone, ms)}) ${zone}`;
}

/** "India Standard Time", or the zone name when the browser has no long name for it. */
export function zoneLongName(zone: string, ms: number): string {
  const name = part(
    format(zone, 'name', { timeZoneName: 'long' }).formatToParts(ms),
    'timeZoneName',
  );
  return name && !name.startsWith('GMT') ? name : zone;
}

export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Browsers name zones after ICU's frozen canonical IDs, some of which IANA has since renamed
 * (Chromium says Asia/Calcutta and Asia/Katmandu). Candidates look for today's names.
 */
const RENAMED: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Dacca': 'Asia/Dhaka',
  'Asia/Thimbu': 'Asia/Thimphu',
  'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
  'Asia/Macao': 'Asia/Macau',
  'Asia/Ujung_Pandang': 'Asia/Makassar',
  'Europe/Kiev': 'Europe/Kyiv',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Coral_Harbour': 'America/Atikokan',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton',
};

/** Today's IANA name of a zone (a renamed one only when this browser knows the new name). */
export function currentZoneName(zone: string): string {
  const renamed = RENAMED[zone];
  return renamed && isKnownZone(renamed) ? renamed : zone;
}

let detectedZone: string | undefined;

/** The browser's zone, or UTC when it reports none we can use. */
export function browserZone(): string {
  if (detectedZone === undefined) {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    detectedZone = zone && isKnownZone(zone) ? currentZoneName(zone) : 'UTC';
  }
  return detectedZone;
}

/** Whether the browser's locale writes times with AM/PM. */
export function browserPrefers12Hour(): boolean {
  const cycle = new Intl.DateTimeFormat(undefined, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h12' || cycle === 'h11';
}

export type ZoneOption = { id: string; label: string; offset: number; search: string };

let zoneCache: { hour: number; zones: ZoneOption[] } | null = null;

/**
 * Every IANA zone the browser knows, with its offset at `ms`, sorted west to east. Built on first
 * use (a few hundred formatters) and kept for the hour.
 */
export function listZones(ms: number, extra: string[] = []): ZoneOption[] {
  const hour = Math.floor(ms / 3_600_000);
  if (zoneCache?.hour !== hour) {
    const names = new Set<string>(
      typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [],
    );
    names.add('UTC');
    const current = new Set([...names].map(currentZoneName));
    zoneCache = { hour, zones: [...current].map((id) => toOption(id, ms)) };
  }
  const known = new Set(zoneCache.zones.map((z) => z.id));
  const zones = [
    ...zoneCache.zones,
    ...extra.filter((id) => !known.has(id) && isKnownZone(id)).map((id) => toOption(id, ms)),
  ];
  return zones.sort((a, b) => a.offset - b.offset || a.id.localeCompare(b.id));
}

function toOption(id: string, ms: number): ZoneOption {
  const offset = offsetLabel(id, ms);
  const label = `(${offset}) ${id}`;
  return {
    id,
    label,
    offset: offsetMinutes(offset),
    search: normalize(`${label} ${zoneLongName(id, ms)}`),
  };
}

export function normalize(text: string): string {
  return text.toLowerCase().replace(/[_/]/g, ' ');
}

/** Zones whose label, city or long name contains every word of `query`. */
export function filterZones(zones: ZoneOption[], query: string): ZoneOption[] {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return zones;
  return zones.filter((z) => words.every((w) => z.search.includes(w)));
}
