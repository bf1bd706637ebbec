import { describe, expect, it } from 'vitest';
import { listTzdataZones } from './zone-countries';
import {
  formatOffset,
  listZoneOptions,
  zoneOption,
  type ZoneListOptions,
  type ZoneOption,
} from './zone-search';

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

describe('formatOffset', () => {
  it.each([
    [330, 'GMT+05:30'],
    [-480, 'GMT-08:00'],
    [0, 'GMT+00:00'],
    [-210, 'GMT-03:30'],
    [345, 'GMT+05:45'],
    [825, 'GMT+13:45'],
    [-720, 'GMT-12:00'],
  ])('writes %i minutes as %s', (minutes, label) => {
    expect(formatOffset(minutes)).toBe(label);
  });
});

describe('listZoneOptions', () => {
  it('lists every zone of the runtime under today’s ids, once, with UTC', () => {
    const listed = ids(january);
    expect(listed.length).toBeGreaterThan(400);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toContain('UTC');
    const tzdata = new Set([...listTzdataZones(), 'UTC']);
    for (const id of listed) expect(tzdata.has(id), id).toBe(true);
    for (const legacy of ['Asia/Calcutta', 'Asia/Katmandu', 'Asia/Saigon', 'Europe/Kiev'])
      expect(listed).not.toContain(legacy);
    expect(listed).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Europe/Kyiv', 'Asia/Yangon']));
  });

  it('sorts west to east by the offset at `now`, then by label', () => {
    const collator = new Intl.Collator('en');
    for (let i = 1; i < january.length; i++) {
      const [a, b] = [january[i - 1], january[i]] as [ZoneOption, ZoneOption];
      expect(a.offsetMinutes <= b.offsetMinutes, `${a.id} before ${b.id}`).toBe(true);
      if (a.offsetMinutes === b.offsetMinutes)
        expect(collator.compare(a.label, b.label) <= 0, `${a.label} before ${b.label}`).toBe(true);
    }
    expect(january[0]?.offsetMinutes).toBe(-660);
    expect(january.at(-1)?.offsetMinutes).toBe(840);
  });

  it('gives offsets at `now`, in both hemispheres', () => {
    const offsets = (list: ZoneOption[], id: string) => {
      const option = find(list, id);
      return [option.offsetMinutes, option.offsetLabel];
    };
    expect(offsets(january, 'Europe/Berlin')).toEqual([60, 'GMT+01:00']);
    expect(offsets(july, 'Europe/Berlin')).toEqual([120, 'GMT+02:00']);
    expect(offsets(january, 'America/Los_Angeles')).toEqual([-480, 'GMT-08:00']);
    expect(offsets(july, 'America/Los_Angeles')).toEqual([-420, 'GMT-07:00']);
    expect(offsets(january, 'Australia/Sydney')).toEqual([660, 'GMT+11:00']);
    expect(offsets(july, 'Australia/Sydney')).toEqual([600, 'GMT+10:00']);
    expect(offsets(january, 'Pacific/Chatham')).toEqual([825, 'GMT+13:45']);
    expect(offsets(july, 'Pacific/Chatham')).toEqual([765, 'GMT+12:45']);
    expect(offsets(january, 'Asia/Kathmandu')).toEqual([345, 'GMT+05:45']);
    expect(offsets(january, 'UTC')).toEqual([0, 'GMT+00:00']);
  });

  it('describes a zone: name, city, country, local time, label', () => {
    expect(find(january, 'Asia/Kolkata')).toEqual({
      id: 'Asia/Kolkata',
      name: 'India Standard Time',
      city: 'Kolkata',
      country: 'India',
      offsetMinutes: 330,
      offsetLabel: 'GMT+05:30',
      localTime: '17:30',
      label: 'India Standard Time — Kolkata (17:30)',
    });
    expect(find(january, 'Europe/Berlin').name).toBe('Central European Time');
    expect(find(july, 'America/Los_Angeles').label).toBe('Pacific Time — Los Angeles (05:00)');
    expect(find(january, 'America/New_York').city).toBe('New York');
    expect(find(january, 'Asia/Ho_Chi_Minh').city).toBe('Ho Chi Minh');
    expect(find(january, 'America/Argentina/Buenos_Aires').city).toBe('Buenos Aires');
    expect(find(january, 'UTC')).toMatchObject({ city: 'UTC', country: null });
    expect(find(january, 'UTC').label).toBe('Coordinated Universal Time — UTC (12:00)');
  });

  it('does not repeat a city the name already contains', () => {
    expect(find(january, 'Asia/Hong_Kong').label).toBe('Hong Kong Standard Time (20:00)');
    expect(find(january, 'Europe/Moscow').label).toBe('Moscow Standard Time (15:00)');
    expect(find(january, 'Pacific/Chatham').label).toBe('Chatham Time (01:45)');
    expect(find(january, 'Europe/London').label).toBe('United Kingdom Time — London (12:00)');
  });

  it('writes 12-hour times when asked (ICU may put a narrow no-break space before PM)', () => {
    const kolkata = find(listZoneOptions(en(JANUARY, true)), 'Asia/Kolkata');
    expect(kolkata.localTime).toMatch(/^5:30\sPM$/u);
    expect(kolkata.label).toMatch(/^India Standard Time — Kolkata \(5:30\sPM\)$/u);
    expect(find(listZoneOptions(en(JANUARY, true)), 'UTC').localTime).toMatch(/^12:00\sPM$/u);
  });

  it('names zones and countries in the locale', () => {
    const kolkata = find(german, 'Asia/Kolkata');
    expect(kolkata.country).toBe('Indien');
    expect(kolkata.name).toBe('Indische Normalzeit');
    expect(kolkata.label).toBe('Indische Normalzeit — Kolkata (17:30)');
    expect(find(german, 'Europe/Berlin').country).toBe('Deutschland');
    const spanish = listZoneOptions({ now: JANUARY, locale: 'es', hour12: false });
    expect(find(spanish, 'Asia/Kolkata').country).toBe('India');
  });

  it('treats an invalid locale as English', () => {
    const list = listZoneOptions({ now: JANUARY, locale: 'not a locale!', hour12: false });
    expect(find(list, 'Asia/Kolkata').label).toBe('India Standard Time — Kolkata (17:30)');
  });

  it('adds `extra` zones under today’s names, skipping unknown ones', () => {
    const list = listZoneOptions({
      ...en(JANUARY),
      extra: ['Etc/GMT+5', 'Asia/Calcutta', 'Mars/Olympus_Mons'],
    });
    expect(ids(list)).toContain('Etc/GMT+5');
    expect(find(list, 'Etc/GMT+5').offsetMinutes).toBe(-300);
    expect(ids(list).filter((id) => id === 'Asia/Kolkata')).toHaveLength(1);
    expect(ids(list)).not.toContain('Asia/Calcutta');
    expect(ids(list)).not.toContain('Mars/Olympus_Mons');
    expect(list).toHaveLength(january.length + 1);
  });

  it('reuses the list within a minute, and a caller’s changes do not reach it', () => {
    const again = listZoneOptions(en(JANUARY + 59_000));
    expect(again).not.toBe(january);
    expect(again[0]).toBe(january[0]);
    again.reverse();
    expect(listZoneOptions(en(JANUARY))).toEqual(january);
    expect(Object.isFrozen(january[0])).toBe(true);
  });

  it('moves the clocks on with the minute', () => {
    const later = listZoneOptions(en(JANUARY + 60_000));
    expect(find(later, 'Asia/Kolkata').localTime).toBe('17:31');
  });
});

describe('zoneOption', () => {
  it('describes one zone like the list, under today’s name', () => {
    expect(zoneOption('Asia/Calcutta', en(JANUARY))).toEqual(find(january, 'Asia/Kolkata'));
    expect(zoneOption('europe/berlin', en(JULY))).toEqual(find(july, 'Europe/Berlin'));
  });

  it('refuses a zone the runtime does not know', () => {
    expect(() => zoneOption('Mars/Olympus_Mons', en(JANUARY))).toThrow(RangeError);
  });
});
