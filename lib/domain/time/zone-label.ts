/**
 * How a chosen zone reads in the zone picker's box: "India Standard Time — Kolkata (20:52)". Kept
 * apart from the searchable list (zone-options, zone-search and their data), so a page can show
 * the chosen zone without loading the list. Pure: the instant, locale and clock style are
 * arguments; only Intl is consulted.
 */
import { formatLocalTime, readZoneClock, readZoneName, resolveLocale } from './zone-format';
import { canonicalZoneName } from './zone-names';
import { normalizeText } from './normalize-text';

/** The id's place, readable: "Kolkata", "New York", "Ho Chi Minh"; "UTC" for UTC. */
export function readCity(id: string): string {
  return (id.split('/').pop() ?? id).replace(/_/g, ' ');
}

/** "India Standard Time — Kolkata", or just "Hong Kong Standard Time" when it names the city. */
export function composeLabelStem(name: string, city: string): string {
  return ` ${normalizeText(name)} `.includes(` ${normalizeText(city)} `)
    ? name
    : `${name} — ${city}`;
}

/**
 * The label of `id` at the minute of `now` (epoch ms) in `locale`, as listZoneOptions writes it:
 * Intl's generic name of the zone (as in mid-January of that year), else its name of the day, else
 * the city; then the city unless the name says it; then the local time.
 */
export function zoneLabel(
  id: string,
  options: { now: number; locale: string; hour12: boolean },
): string {
  const zone = canonicalZoneName(id);
  const locale = resolveLocale(options.locale);
  const at = Math.floor(options.now / 60_000) * 60_000;
  const january = Date.UTC(new Date(at).getUTCFullYear(), 0, 15);
  const city = readCity(zone);
  const name =
    readZoneName(zone, locale, 'longGeneric', january) ??
    readZoneName(zone, locale, 'long', at) ??
    city;
  const { offsetMinutes } = readZoneClock(zone, at);
  return `${composeLabelStem(name, city)} (${formatLocalTime(at, offsetMinutes, locale, options.hour12)})`;
}
