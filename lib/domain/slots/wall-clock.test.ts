import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyZones } from './slot-arbitraries';
import { at, toIso } from './test-helpers';
import { dayNumberOf } from '../time/calendar-date';
import { localDateOf, minutesOfTime, wallTimeToInstants } from './wall-clock';
import { buildZoneTimeline, offsetIn, zoneOffsetAt } from './zone-timeline';

describe('wallTimeToInstants', () => {
  it('gives one instant on an ordinary day, none in a gap, two in an overlap', () => {
    expect(toIso(wallTimeToInstants('America/New_York', '2026-01-14', 9 * 60))).toEqual([
      '2026-01-14T14:00:00.000Z',
    ]);
    expect(wallTimeToInstants('America/New_York', '2026-03-08', 150)).toEqual([]);
    expect(toIso(wallTimeToInstants('America/New_York', '2026-11-01', 90))).toEqual([
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T06:30:00.000Z',
    ]);
  });

  it('reads 1440 minutes as 00:00 of the next date', () => {
    expect(toIso(wallTimeToInstants('America/New_York', '2026-01-14', 1440))).toEqual([
      '2026-01-15T05:00:00.000Z',
    ]);
  });

  it('handles half-hour DST and a skipped date', () => {
    expect(toIso(wallTimeToInstants('Australia/Lord_Howe', '2026-04-05', 105))).toEqual([
      '2026-04-04T14:45:00.000Z',
      '2026-04-04T15:15:00.000Z',
    ]);
    expect(wallTimeToInstants('Pacific/Apia', '2011-12-30', 12 * 60)).toEqual([]);
  });

  it('agrees with a minute-by-minute scan of the wall clock', () => {
    const dates = fc.integer({
      min: Date.UTC(2011, 0, 1) / 86_400_000,
      max: Date.UTC(2030, 0, 1) / 86_400_000,
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...propertyZones),
        dates,
        fc.integer({ min: 0, max: 1440 }),
        (zone, day, minutes) => {
          const format = new Intl.DateTimeFormat('sv-SE', {
            timeZone: zone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          });
          const wall = new Date(day * 86_400_000 + minutes * 60_000)
            .toISOString()
            .slice(0, 16)
            .replace('T', ' ');
          const expected: number[] = [];
          for (let t = (day - 1) * 86_400_000; t < (day + 3) * 86_400_000; t += 60_000) {
            if (format.format(t) === wall) expected.push(t);
          }
          const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
          expect(wallTimeToInstants(zone, date, minutes)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('localDateOf', () => {
  it('reads the date in the zone, across the date line and at fractional offsets', () => {
    expect(localDateOf('Pacific/Apia', at('2026-01-11T20:00:00Z'))).toBe('2026-01-12');
    expect(localDateOf('Pacific/Kiritimati', at('2026-01-11T10:00:00Z'))).toBe('2026-01-12');
    expect(localDateOf('Pacific/Pago_Pago', at('2026-01-11T10:00:00Z'))).toBe('2026-01-10');
    expect(localDateOf('Asia/Kathmandu', at('2026-01-11T18:15:00Z'))).toBe('2026-01-12');
    expect(localDateOf('Asia/Kathmandu', at('2026-01-11T18:14:59.999Z'))).toBe('2026-01-11');
  });
});

describe('zone timeline', () => {
  it('finds both changes of a year to the second', () => {
    const timeline = buildZoneTimeline(
      'Europe/London',
      at('2026-01-01T00:00:00Z'),
      at('2027-01-01T00:00:00Z'),
    );
    expect(toIso(timeline.starts.slice(1))).toEqual([
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
    ]);
    expect(timeline.offsets).toEqual([0, 3_600_000, 0]);
  });

  it('matches Intl at random instants', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...propertyZones),
        fc.integer({ min: Date.UTC(2011, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.integer({ min: 0, max: 40 * 86_400_000 }),
        (zone, from, length) => {
          const timeline = buildZoneTimeline(zone, from, from + length);
          for (let t = from; t <= from + length; t += 3_600_000 + 7_001) {
            expect(offsetIn(timeline, t)).toBe(zoneOffsetAt(zone, t));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('parsing', () => {
  it('rejects dates and times that do not exist', () => {
    expect(() => dayNumberOf('2026-02-30')).toThrow(RangeError);
    expect(() => dayNumberOf('2026-2-3')).toThrow(RangeError);
    expect(() => minutesOfTime('24:01')).toThrow(RangeError);
    expect(() => minutesOfTime('9:00')).toThrow(RangeError);
    expect(minutesOfTime('24:00')).toBe(1440);
  });
});
