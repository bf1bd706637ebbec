import { ZONES_BY_COUNTRY } from './zone-data';
import { renamedZone } from './zone-names';

let countries: Map<string, string> | undefined;

/** zone → country, inverted from the generated table on first use (418 zones, well under 1 ms). */
function readCountries(): Map<string, string> {
  if (!countries) {
    countries = new Map();
    for (const [code, zones] of Object.entries(ZONES_BY_COUNTRY))
      for (const zone of zones.split(' ')) countries.set(zone, code);
  }
  return countries;
}

/**
 * ISO 3166 alpha-2 code of the country `id` lies in (`Asia/Kolkata` → `IN`), after tzdata's
 * zone.tab; legacy ids count as their new name. Null for zones of no country, such as UTC.
 */
export function getZoneCountry(id: string): string | null {
  const table = readCountries();
  const renamed = renamedZone(id);
  return table.get(id) ?? (renamed === undefined ? undefined : table.get(renamed)) ?? null;
}

/** Every zone of tzdata's tables, today's ids: the list where the runtime cannot give its own. */
export function listTzdataZones(): string[] {
  return [...readCountries().keys()];
}
