/**
 * Today's IANA names of time zones. ICU (Node, Chrome, Safari) still resolves zones to the ids CLDR
 * froze years ago: `Asia/Kolkata` comes back as `Asia/Calcutta`, `Europe/Kyiv` as `Europe/Kiev`.
 * People look for the names IANA uses now, and the API should answer with them.
 */

/**
 * Old name → today's name, after tzdata's `backward` file. Keys are the ids ICU (or an older
 * runtime) reports; targets are zones of zone.tab, so each keeps its country. Mergers (Uzhgorod into
 * Kyiv, Nipigon into Toronto) are included because older runtimes still report the merged ids.
 */
const RENAMED = new Map<string, string>([
  ['Africa/Asmera', 'Africa/Asmara'],
  ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
  ['America/Catamarca', 'America/Argentina/Catamarca'],
  ['America/Coral_Harbour', 'America/Atikokan'],
  ['America/Cordoba', 'America/Argentina/Cordoba'],
  ['America/Ensenada', 'America/Tijuana'],
  ['America/Fort_Wayne', 'America/Indiana/Indianapolis'],
  ['America/Godthab', 'America/Nuuk'],
  ['America/Indianapolis', 'America/Indiana/Indianapolis'],
  ['America/Jujuy', 'America/Argentina/Jujuy'],
  ['America/Louisville', 'America/Kentucky/Louisville'],
  ['America/Mendoza', 'America/Argentina/Mendoza'],
  ['America/Nipigon', 'America/Toronto'],
  ['America/Pangnirtung', 'America/Iqaluit'],
  ['America/Rainy_River', 'America/Winnipeg'],
  ['America/Rosario', 'America/Argentina/Cordoba'],
  ['America/Santa_Isabel', 'America/Tijuana'],
  ['America/Thunder_Bay', 'America/Toronto'],
  ['America/Yellowknife', 'America/Edmonton'],
  ['Asia/Ashkhabad', 'Asia/Ashgabat'],
  ['Asia/Calcutta', 'Asia/Kolkata'],
  ['Asia/Choibalsan', 'Asia/Ulaanbaatar'],
  ['Asia/Chungking', 'Asia/Shanghai'],
  ['Asia/Dacca', 'Asia/Dhaka'],
  ['Asia/Istanbul', 'Europe/Istanbul'],
  ['Asia/Katmandu', 'Asia/Kathmandu'],
  ['Asia/Macao', 'Asia/Macau'],
  ['Asia/Rangoon', 'Asia/Yangon'],
  ['Asia/Saigon', 'Asia/Ho_Chi_Minh'],
  ['Asia/Tel_Aviv', 'Asia/Jerusalem'],
  ['Asia/Thimbu', 'Asia/Thimphu'],
  ['Asia/Ujung_Pandang', 'Asia/Makassar'],
  ['Asia/Ulan_Bator', 'Asia/Ulaanbaatar'],
  ['Atlantic/Faeroe', 'Atlantic/Faroe'],
  ['Australia/Currie', 'Australia/Hobart'],
  ['Europe/Kiev', 'Europe/Kyiv'],
  ['Europe/Uzhgorod', 'Europe/Kyiv'],
  ['Europe/Zaporozhye', 'Europe/Kyiv'],
  ['Pacific/Enderbury', 'Pacific/Kanton'],
  ['Pacific/Johnston', 'Pacific/Honolulu'],
  ['Pacific/Ponape', 'Pacific/Pohnpei'],
  ['Pacific/Truk', 'Pacific/Chuuk'],
  ['Pacific/Yap', 'Pacific/Chuuk'],
]);

const LEGACY = new Map<string, string[]>();
for (const [old, current] of RENAMED) LEGACY.set(current, [...(LEGACY.get(current) ?? []), old]);

// Both answers are asked for on every list build and every API request; a few hundred zones exist.
const CACHE_LIMIT = 2000;
const known = new Map<string, boolean>();
const canonical = new Map<string, string>();

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** The id the runtime resolves `id` to (ICU's spelling), or null when it does not know the zone. */
function resolveZone(id: string): string | null {
  // Newer runtimes accept offsets such as "+01:00" as zones; they follow no DST rules, so never.
  if (!/^[A-Za-z]/.test(id)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: id }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Whether this runtime accepts `id` as an IANA zone (any spelling or case; offsets are refused). */
export function isKnownZone(id: string): boolean {
  const hit = known.get(id);
  if (hit !== undefined) return hit;
  return remember(known, id, resolveZone(id) !== null);
}

/**
 * Today's IANA name of `id` in any spelling the runtime accepts: `asia/calcutta` and `Asia/Kolkata`
 * both give `Asia/Kolkata`; links resolve to their zone (`US/Pacific` → `America/Los_Angeles`). A new
 * name this runtime does not know yet is not returned: the old one is. An id the runtime does not
 * know at all comes back unchanged (check with `isKnownZone`).
 */
export function canonicalZoneName(id: string): string {
  const hit = canonical.get(id);
  if (hit !== undefined) return hit;
  const resolved = resolveZone(id);
  return resolved === null ? id : remember(canonical, id, renameLegacyZone(resolved));
}

/**
 * Today's name of an id exactly as the runtime resolves it (`Asia/Calcutta` → `Asia/Kolkata`),
 * if the runtime knows the new name; any other id unchanged. Cheaper than canonicalZoneName for
 * ids that come from the runtime itself.
 */
export function renameLegacyZone(resolved: string): string {
  const renamed = RENAMED.get(resolved);
  return renamed !== undefined && isKnownZone(renamed) ? renamed : resolved;
}

/** The old ids that today's `id` replaced (`Asia/Kolkata` → `['Asia/Calcutta']`), for search. */
export function listLegacyNames(id: string): readonly string[] {
  return LEGACY.get(id) ?? [];
}

/** Today's name of a legacy id without asking the runtime (`Asia/Calcutta` → `Asia/Kolkata`). */
export function renamedZone(id: string): string | undefined {
  return RENAMED.get(id);
}
