import { describe, expect, it } from 'vitest';
import { listZoneOptions, searchZones, type ZoneListOptions, type ZoneOption } from './zone-search';

// Thursday 15 January and Wednesday 15 July 2026, 12:00 UTC: northern winter and summer.
const JANUARY = Date.UTC(2026, 0, 15, 12, 0);
const JULY = Date.UTC(2026, 6, 15, 12, 0);

const en = (now: number, hour12 = false): ZoneListOptions => ({ now, locale: 'en', hour12 });
const january = listZoneOptions(en(JANUARY));
const july = listZoneOptions(en(JULY));
const german = listZoneOptions({ now: JANUARY, locale: 'de', hour12: false });

function find(options: ZoneOption[], id: string): ZoneOption {
  const option = options.find((o) => o.id === id);
  if (!option) throw new Error(`${id} is not in the list`);
  return option;
}

const ids = (options: ZoneOption[]) => options.map((o) => o.id);
const first = (query: string, options = january) => searchZones(options, query)[0]?.id;

describe('searchZones', () => {
  it('returns every option in list order for an empty or blank query', () => {
    expect(searchZones(january, '')).toEqual(january);
    expect(searchZones(january, '   ')).toEqual(january);
  });

  it('returns nothing when nothing matches', () => {
    expect(searchZones(january, 'qqqxxz')).toEqual([]);
  });

  it.each([
    ['IST', 'Asia/Kolkata'],
    ['PST', 'America/Los_Angeles'],
    ['India', 'Asia/Kolkata'],
    ['Mumbai', 'Asia/Kolkata'],
    ['San Francisco', 'America/Los_Angeles'],
    ['CET', 'Europe/Berlin'],
    ['GMT+9', 'Asia/Tokyo'],
  ])('puts the zone meant first: %s → %s', (query, zone) => {
    expect(first(query)).toBe(zone);
    expect(first(query, july)).toBe(zone);
  });

  it('ranks an abbreviation’s zones first, in the order it means them', () => {
    expect(ids(searchZones(january, 'IST')).slice(0, 3)).toEqual([
      'Asia/Kolkata',
      'Asia/Jerusalem',
      'Europe/Dublin',
    ]);
    expect(ids(searchZones(january, 'CST')).slice(0, 2)).toEqual([
      'America/Chicago',
      'Asia/Shanghai',
    ]);
    expect(ids(searchZones(january, 'IST'))).toContain('Europe/Istanbul');
  });

  it('finds a zone by its standard and daylight abbreviations all year', () => {
    for (const list of [january, july]) {
      for (const query of ['PST', 'PDT', 'pt', 'pst'])
        expect(first(query, list)).toBe('America/Los_Angeles');
      for (const query of ['EST', 'edt', 'ET']) expect(first(query, list)).toBe('America/New_York');
      for (const query of ['CET', 'CEST']) expect(first(query, list)).toBe('Europe/Berlin');
      expect(first('AEST', list)).toBe('Australia/Sydney');
      expect(first('BST', list)).toBe('Europe/London');
      expect(first('JST', list)).toBe('Asia/Tokyo');
      expect(first('MSK', list)).toBe('Europe/Moscow');
      expect(first('SAST', list)).toBe('Africa/Johannesburg');
      expect(first('GST', list)).toBe('Asia/Dubai');
      expect(first('BRT', list)).toBe('America/Sao_Paulo');
    }
    // ICU's own abbreviations follow the hand-written ones.
    expect(ids(searchZones(january, 'PST'))).toContain('America/Vancouver');
    expect(ids(searchZones(january, 'EST'))).toContain('America/Jamaica');
  });

  it('matches offsets at `now` in every spelling', () => {
    const tokyo = ids(searchZones(january, 'GMT+9'));
    expect(tokyo.slice(0, 2)).toEqual(['Asia/Tokyo', 'Asia/Seoul']);
    for (const query of ['UTC+9', 'gmt+09:00', '+9', '+09', 'GMT +9', 'utc+0900'])
      expect(ids(searchZones(january, query)), query).toEqual(tokyo);
    for (const id of tokyo) expect(find(january, id).offsetMinutes).toBe(540);
    for (const query of ['+05:30', 'utc+5:30', 'GMT+5:30', '+0530'])
      expect(ids(searchZones(january, query)), query).toEqual(['Asia/Kolkata', 'Asia/Colombo']);
    const minusThree = searchZones(january, 'UTC-3');
    expect(minusThree[0]?.id).toBe('America/Sao_Paulo');
    expect(minusThree.every((o) => o.offsetMinutes === -180)).toBe(true);
    expect(first('GMT−8')).toBe('America/Los_Angeles');
  });

  it('follows DST: GMT+1 is Berlin in January and London in July', () => {
    expect(first('GMT+1')).toBe('Europe/Berlin');
    expect(ids(searchZones(january, 'GMT+1'))).not.toContain('Europe/London');
    expect(first('GMT+1', july)).toBe('Europe/London');
    expect(ids(searchZones(july, 'GMT+2'))).toContain('Europe/Berlin');
  });

  it('reads bare GMT and UTC as abbreviations, then as the zones at +00:00', () => {
    const gmt = searchZones(january, 'GMT');
    expect(ids(gmt).slice(0, 2)).toEqual(['Europe/London', 'UTC']);
    expect(ids(gmt)).toEqual(expect.arrayContaining(['Europe/Lisbon', 'Africa/Abidjan']));
    expect(gmt.every((o) => o.offsetMinutes === 0)).toBe(true);
    expect(first('UTC')).toBe('UTC');
    expect(first('utc', july)).toBe('UTC');
    expect(ids(searchZones(july, 'GMT')).slice(0, 2)).toEqual(['Europe/London', 'UTC']);
  });

  it('finds cities, places and ids in any case, accents, punctuation or spacing', () => {
    for (const query of [
      'New York',
      'new york',
      'new_york',
      'NEW-YORK',
      '  new   york ',
      'America/New_York',
    ])
      expect(first(query), query).toBe('America/New_York');
    for (const query of ['são paulo', 'sao paulo', 'SAO_PAULO'])
      expect(first(query)).toBe('America/Sao_Paulo');
    for (const query of ['zürich', 'zurich']) expect(first(query)).toBe('Europe/Zurich');
    expect(first('ho chi minh')).toBe('Asia/Ho_Chi_Minh');
    expect(first('europe/berlin')).toBe('Europe/Berlin');
    expect(first('Europe/Berlin')).toBe('Europe/Berlin');
    expect(first('köln')).toBe('Europe/Berlin');
    expect(first('buenos aires')).toBe('America/Argentina/Buenos_Aires');
  });

  it('finds the segments of ids', () => {
    const argentina = ids(searchZones(january, 'argentina'));
    expect(argentina.slice(0, 12).every((id) => id.startsWith('America/Argentina/'))).toBe(true);
    expect(argentina.filter((id) => id.startsWith('America/Argentina/'))).toHaveLength(12);
    expect(ids(searchZones(january, 'america'))).toEqual(
      expect.arrayContaining(['America/New_York', 'America/Sao_Paulo']),
    );
    expect(ids(searchZones(january, 'indiana'))).toContain('America/Indiana/Indianapolis');
  });

  it('finds legacy names', () => {
    expect(first('calcutta')).toBe('Asia/Kolkata');
    expect(first('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(first('kiev')).toBe('Europe/Kyiv');
    expect(first('saigon')).toBe('Asia/Ho_Chi_Minh');
    expect(first('godthab')).toBe('America/Nuuk');
  });

  it('finds countries in the locale and in English, and their common short names', () => {
    expect(first('Germany')).toBe('Europe/Berlin');
    expect(first('Indien', german)).toBe('Asia/Kolkata');
    expect(first('India', german)).toBe('Asia/Kolkata');
    expect(first('Deutschland', german)).toBe('Europe/Berlin');
    expect(first('germany', german)).toBe('Europe/Berlin');
    const unitedStates = ids(searchZones(january, 'united states'));
    expect(unitedStates).toEqual(
      expect.arrayContaining(['America/New_York', 'America/Los_Angeles']),
    );
    for (const query of ['usa', 'us', 'USA'])
      expect(ids(searchZones(january, query)).slice(0, unitedStates.length)).toEqual(unitedStates);
    expect(first('uk')).toBe('Europe/London');
    expect(first('england')).toBe('Europe/London');
    expect(first('uae')).toBe('Asia/Dubai');
    for (const query of ['Côte d’Ivoire', "cote d'ivoire", 'ivory coast'])
      expect(first(query)).toBe('Africa/Abidjan');
  });

  it('finds cities that are not zone ids', () => {
    for (const query of [
      'Bangalore',
      'bengaluru',
      'New Delhi',
      'delhi',
      'Chennai',
      'Hyderabad',
      'Pune',
    ])
      expect(first(query), query).toBe('Asia/Kolkata');
    for (const query of ['Seattle', 'San Diego', 'Bay Area', 'Silicon Valley', 'sf'])
      expect(first(query), query).toBe('America/Los_Angeles');
    for (const query of ['NYC', 'Boston', 'Washington', 'Miami', 'Atlanta', 'Philadelphia'])
      expect(first(query), query).toBe('America/New_York');
    for (const query of ['Dallas', 'Houston', 'Austin'])
      expect(first(query), query).toBe('America/Chicago');
    for (const query of ['Montreal', 'Ottawa']) expect(first(query), query).toBe('America/Toronto');
    for (const query of ['Munich', 'München', 'Frankfurt', 'Hamburg', 'Cologne'])
      expect(first(query), query).toBe('Europe/Berlin');
    expect(first('Beijing')).toBe('Asia/Shanghai');
    expect(first('Osaka')).toBe('Asia/Tokyo');
    expect(first('Geneva')).toBe('Europe/Zurich');
    expect(first('Manchester')).toBe('Europe/London');
    expect(first('Krakow')).toBe('Europe/Warsaw');
    expect(first('Rio de Janeiro')).toBe('America/Sao_Paulo');
    expect(first('Cape Town')).toBe('Africa/Johannesburg');
    expect(first('Abu Dhabi')).toBe('Asia/Dubai');
    expect(first('Tel Aviv')).toBe('Asia/Jerusalem');
    expect(first('Canberra')).toBe('Australia/Sydney');
    expect(first('Wellington')).toBe('Pacific/Auckland');
  });

  it('finds zone names', () => {
    expect(first('pacific')).toBe('America/Los_Angeles');
    expect(ids(searchZones(january, 'central european'))).toContain('Europe/Berlin');
    expect(ids(searchZones(january, 'india standard')).slice(0, 2)).toContain('Asia/Kolkata');
    expect(ids(searchZones(january, 'pacific standard time'))).toContain('America/Los_Angeles');
    expect(ids(searchZones(january, 'eastern standard time'))).toContain('America/New_York');
    expect(ids(searchZones(july, 'british summer time'))).toContain('Europe/London');
    expect(first('mitteleuropäische', german)).toBe(first('central european', german));
  });

  it('needs every word, each beginning a word or, from three letters, inside one', () => {
    expect(first('san fr')).toBe('America/Los_Angeles');
    expect(first('new y')).toBe('America/New_York');
    expect(first('york new')).toBe('America/New_York');
    expect(first('new zealand')).toBe('Pacific/Auckland');
    expect(ids(searchZones(january, 'new zealand'))).not.toContain('America/New_York');
    expect(first('ngeles')).toBe('America/Los_Angeles');
    expect(searchZones(january, 'ge').map((o) => o.id)).not.toContain('America/Los_Angeles');
  });

  it('ranks exact names, then names the query begins, then words it appears in', () => {
    const rio = ids(searchZones(january, 'rio'));
    expect(rio[0]).toBe('America/Sao_Paulo');
    expect(rio.indexOf('America/Rio_Branco')).toBeGreaterThan(0);
    expect(rio.indexOf('America/Toronto')).toBeGreaterThan(rio.indexOf('America/Rio_Branco'));
    const ana = ids(searchZones(january, 'ana'));
    expect(ana[0]).toBe('Asia/Anadyr');
    expect(ana).toContain('America/Havana');
  });

  it('puts the zones most candidates live in first among equal matches, then list order', () => {
    const ids = (query: string) => searchZones(january, query).map((o) => o.id);
    expect(ids('united states').slice(0, 3)).toEqual([
      'America/New_York',
      'America/Los_Angeles',
      'America/Chicago',
    ]);
    expect(ids('central european')[0]).toBe('Europe/Berlin');
    expect(ids('india standard')[0]).toBe('Asia/Kolkata');
    // Beyond the well-known zones, matches stay west to east.
    const rest = searchZones(january, 'united states')
      .slice(12)
      .map((o) => january.indexOf(o));
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
  });

  it('searches options it did not build, from their own fields', () => {
    const copy = { ...find(january, 'Asia/Kolkata') };
    expect(searchZones([copy], 'kolkata')).toEqual([copy]);
    expect(searchZones([copy], 'india')).toEqual([copy]);
    expect(searchZones([copy], 'mumbai')).toEqual([copy]);
    expect(searchZones([copy], 'ist')).toEqual([copy]);
  });
});
