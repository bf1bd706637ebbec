import { afterEach, describe, expect, it, vi } from 'vitest';
import { getZoneCountry, listTzdataZones } from './zone-countries';
import { canonicalZoneName, isKnownZone, listLegacyNames } from './zone-names';
import { canonicalTimeZone } from './zones';

const tzdataZones = new Set(listTzdataZones());

describe('canonicalZoneName', () => {
  it.each([
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Asia/Katmandu', 'Asia/Kathmandu'],
    ['Asia/Saigon', 'Asia/Ho_Chi_Minh'],
    ['Asia/Rangoon', 'Asia/Yangon'],
    ['Asia/Dacca', 'Asia/Dhaka'],
    ['Asia/Thimbu', 'Asia/Thimphu'],
    ['Asia/Ulan_Bator', 'Asia/Ulaanbaatar'],
    ['Asia/Macao', 'Asia/Macau'],
    ['Asia/Ujung_Pandang', 'Asia/Makassar'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['Europe/Uzhgorod', 'Europe/Kyiv'],
    ['Atlantic/Faeroe', 'Atlantic/Faroe'],
    ['Africa/Asmera', 'Africa/Asmara'],
    ['America/Godthab', 'America/Nuuk'],
    ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['America/Catamarca', 'America/Argentina/Catamarca'],
    ['America/Cordoba', 'America/Argentina/Cordoba'],
    ['America/Jujuy', 'America/Argentina/Jujuy'],
    ['America/Mendoza', 'America/Argentina/Mendoza'],
    ['America/Indianapolis', 'America/Indiana/Indianapolis'],
    ['America/Louisville', 'America/Kentucky/Louisville'],
    ['America/Coral_Harbour', 'America/Atikokan'],
    ['Pacific/Truk', 'Pacific/Chuuk'],
    ['Pacific/Ponape', 'Pacific/Pohnpei'],
    ['Pacific/Enderbury', 'Pacific/Kanton'],
  ])('renames %s to %s', (legacy, current) => {
    expect(canonicalZoneName(legacy)).toBe(current);
  });

  it('answers today’s name for any spelling or case of a zone', () => {
    for (const id of ['Asia/Kolkata', 'asia/kolkata', 'ASIA/CALCUTTA', 'Asia/Calcutta'])
      expect(canonicalZoneName(id)).toBe('Asia/Kolkata');
    expect(canonicalZoneName('america/new_york')).toBe('America/New_York');
  });

  it('resolves links to their zone', () => {
    expect(canonicalZoneName('US/Pacific')).toBe('America/Los_Angeles');
    expect(canonicalZoneName('US/East-Indiana')).toBe('America/Indiana/Indianapolis');
    expect(canonicalZoneName('Etc/UTC')).toBe('UTC');
  });

  it('gives every zone the runtime lists a tzdata name it accepts (no frozen ICU id left)', () => {
    for (const id of Intl.supportedValuesOf('timeZone')) {
      const name = canonicalZoneName(id);
      expect(isKnownZone(name), name).toBe(true);
      expect(tzdataZones.has(name), `${id} → ${name}`).toBe(true);
    }
  });

  it('returns an id the runtime does not know unchanged', () => {
    expect(canonicalZoneName('Mars/Olympus_Mons')).toBe('Mars/Olympus_Mons');
    expect(canonicalZoneName('+01:00')).toBe('+01:00');
  });
});

describe('canonicalZoneName on a runtime that lacks the new name', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('keeps the legacy id, which that runtime does accept', async () => {
    const RealFormat = Intl.DateTimeFormat;
    vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (
      locales?: string | string[],
      options?: Intl.DateTimeFormatOptions,
    ) {
      if (options?.timeZone === 'Asia/Kolkata') throw new RangeError('Invalid time zone');
      return new RealFormat(locales, options);
    } as unknown as typeof Intl.DateTimeFormat);
    vi.resetModules();
    const fresh = await import('./zone-names');
    expect(fresh.canonicalZoneName('Asia/Calcutta')).toBe('Asia/Calcutta');
    expect(fresh.canonicalZoneName('Europe/Kiev')).toBe('Europe/Kyiv');
  });
});

describe('isKnownZone', () => {
  it('accepts zones in any case and refuses unknown names and offsets', () => {
    expect(isKnownZone('Asia/Kolkata')).toBe(true);
    expect(isKnownZone('asia/kolkata')).toBe(true);
    expect(isKnownZone('UTC')).toBe(true);
    expect(isKnownZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownZone('')).toBe(false);
    expect(isKnownZone('+01:00')).toBe(false);
    expect(isKnownZone('-0800')).toBe(false);
  });
});

describe('listLegacyNames', () => {
  it('lists the ids a zone replaced, for search', () => {
    expect(listLegacyNames('Asia/Kolkata')).toEqual(['Asia/Calcutta']);
    expect(listLegacyNames('Europe/Kyiv')).toContain('Europe/Kiev');
    expect(listLegacyNames('Europe/Berlin')).toEqual([]);
  });
});

describe('canonicalTimeZone (the API’s zone field)', () => {
  it('answers today’s IANA name', () => {
    expect(canonicalTimeZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('asia/kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(canonicalTimeZone('america/new_york')).toBe('America/New_York');
  });

  it('refuses unknown zones and offsets', () => {
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('+01:00')).toBeNull();
    expect(canonicalTimeZone('-05:00')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
    expect(canonicalTimeZone(`Europe/${'A'.repeat(64)}`)).toBeNull();
  });

  it('gives the same answer from its cache', () => {
    expect(canonicalTimeZone('Asia/Saigon')).toBe('Asia/Ho_Chi_Minh');
    expect(canonicalTimeZone('Asia/Saigon')).toBe('Asia/Ho_Chi_Minh');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
  });
});

describe('getZoneCountry (generated zone-data)', () => {
  it('places zones, legacy ids included, in their country', () => {
    expect(getZoneCountry('Asia/Kolkata')).toBe('IN');
    expect(getZoneCountry('Asia/Calcutta')).toBe('IN');
    expect(getZoneCountry('Europe/Berlin')).toBe('DE');
    expect(getZoneCountry('America/Argentina/Buenos_Aires')).toBe('AR');
    expect(getZoneCountry('Europe/Amsterdam')).toBe('NL');
    expect(getZoneCountry('UTC')).toBeNull();
  });

  it('holds only today’s names', () => {
    for (const legacy of ['Asia/Calcutta', 'Europe/Kiev', 'Asia/Saigon', 'America/Godthab'])
      expect(tzdataZones.has(legacy)).toBe(false);
    expect(tzdataZones.size).toBeGreaterThan(400);
  });
});
