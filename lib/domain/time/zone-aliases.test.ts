import { describe, expect, it } from 'vitest';
import { CITY_ALIASES, COUNTRY_ALIASES, MAJOR_ZONES, ZONE_ABBREVIATIONS } from './zone-aliases';
import { ZONES_BY_COUNTRY } from './zone-data';
import { listTzdataZones } from './zone-countries';
import { normalizeText } from './normalize-text';
import { isKnownZone } from './zone-names';

const zones = new Set([...listTzdataZones(), 'UTC']);
const cities = new Set(
  [...zones].flatMap((id) => id.split('/').slice(1)).map((place) => normalizeText(place)),
);

describe('hand-written zone facts', () => {
  it('point only at canonical zones the runtime knows', () => {
    const targets = [
      ...Object.keys(CITY_ALIASES),
      ...Object.values(ZONE_ABBREVIATIONS).flat(),
      ...MAJOR_ZONES,
    ];
    for (const zone of targets) {
      expect(zones.has(zone), zone).toBe(true);
      expect(isKnownZone(zone), zone).toBe(true);
    }
  });

  it('name at least 150 places, none of them already the place of a zone id', () => {
    const places = Object.values(CITY_ALIASES).flat();
    expect(places.length).toBeGreaterThanOrEqual(150);
    for (const place of places) expect(cities.has(normalizeText(place)), place).toBe(false);
  });

  it('give each place one zone', () => {
    const places = Object.values(CITY_ALIASES).flat().map(normalizeText);
    expect(new Set(places).size).toBe(places.length);
  });

  it('use country codes of zone-data and list each major zone once', () => {
    for (const code of Object.keys(COUNTRY_ALIASES))
      expect(ZONES_BY_COUNTRY[code], code).toBeDefined();
    expect(new Set(MAJOR_ZONES).size).toBe(MAJOR_ZONES.length);
  });

  it('write abbreviations in capitals, each zone once per abbreviation', () => {
    for (const [abbreviation, targets] of Object.entries(ZONE_ABBREVIATIONS)) {
      expect(abbreviation).toMatch(/^[A-Z]{2,5}$/);
      expect(new Set(targets).size, abbreviation).toBe(targets.length);
    }
  });
});
