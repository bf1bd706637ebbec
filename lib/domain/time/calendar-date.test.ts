import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dateOfDayNumber,
  dayNumberOf,
  daysBetween,
  isCalendarDate,
  lastDayOf,
  monthGrid,
  shiftMonthKeepingDay,
  weekdayOf,
} from './calendar-date';

const DAY = 86_400_000;
/** The reference: JavaScript's own proleptic Gregorian calendar in UTC. */
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('calendar dates', () => {
  it('counts every day from 1600 to 2400 as Date does (leap centuries included)', () => {
    const start = Date.UTC(1600, 0, 1);
    const end = Date.UTC(2400, 11, 31);
    let date = isoDate(start);
    for (let ms = start; ms < end; ms += DAY) {
      const next = isoDate(ms + DAY);
      if (date !== isoDate(ms) || addDays(date, 1) !== next) {
        throw new Error(`${isoDate(ms)}: got ${date} → ${addDays(date, 1)}, want ${next}`);
      }
      if (weekdayOf(date) !== new Date(ms).getUTCDay()) throw new Error(`weekday of ${date}`);
      date = next;
    }
    expect(date).toBe('2400-12-31');
  });

  it('moves by many days at once, both ways, and pads years below 1000', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2026-11-25', 36_525)).toBe(isoDate(Date.UTC(2026, 10, 25) + 36_525 * DAY));
    expect(addDays('2026-11-25', -738_000)).toBe(isoDate(Date.UTC(2026, 10, 25) - 738_000 * DAY));
    expect(addDays('1000-01-01', -1)).toBe('0999-12-31');
    expect(weekdayOf('1969-12-31')).toBe(3);
  });

  it('knows month lengths and keeps the day when moving by months', () => {
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(lastDayOf('2026-02')).toBe('2026-02-28');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(shiftMonthKeepingDay('2026-01-31', 1)).toBe('2026-02-28');
    expect(shiftMonthKeepingDay('2024-03-31', -1)).toBe('2024-02-29');
  });

  it('lays a month out as six Sunday-first weeks, shared and read-only', () => {
    const grid = monthGrid('2026-11');
    expect(grid).toHaveLength(6);
    expect(grid.every((week) => week.length === 7)).toBe(true);
    // 1 November 2026 is a Sunday; the 30th a Monday.
    expect(grid[0]![0]).toBe('2026-11-01');
    expect(grid[4]![1]).toBe('2026-11-30');
    expect(grid.flat().filter(Boolean)).toHaveLength(30);
    expect(grid[5]!.every((cell) => cell === null)).toBe(true);
    expect(monthGrid('2026-11')).toBe(grid);
    expect(Object.isFrozen(grid) && Object.isFrozen(grid[0])).toBe(true);
    // February 2026 starts on a Sunday too, and needs only four rows of dates.
    expect(monthGrid('2026-02')[0]![0]).toBe('2026-02-01');
    expect(monthGrid('2026-02').filter((week) => week.some(Boolean))).toHaveLength(4);
    expect(monthGrid('2026-03')[0]!.indexOf('2026-03-01')).toBe(0);
    expect(monthGrid('2026-04')[0]!.indexOf('2026-04-01')).toBe(3);
  });

  it('starts weeks on Monday when asked', () => {
    // 1 November 2026 is a Sunday: the last cell of the first Monday-first week.
    const grid = monthGrid('2026-11', 1);
    expect(grid[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(grid[1]![0]).toBe('2026-11-02');
    expect(grid[5]![0]).toBe('2026-11-30');
    expect(grid.flat().filter(Boolean)).toHaveLength(30);
    // A month that starts on a Monday has no padding in front.
    expect(monthGrid('2026-06', 1)[0]![0]).toBe('2026-06-01');
    expect(monthGrid('2026-06', 1)).not.toBe(monthGrid('2026-06', 0));
  });

  it('accepts real dates only, and converts them to day numbers and back', () => {
    for (const good of ['2024-02-29', '2000-02-29', '1970-01-01', '9999-12-31', '0001-01-01'])
      expect(isCalendarDate(good)).toBe(true);
    for (const bad of [
      '2026-02-29',
      '2100-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-2-3',
      '2026-02-03T00:00',
      ' 2026-02-03',
      '',
      'yesterday',
    ])
      expect(isCalendarDate(bad)).toBe(false);
    expect(() => dayNumberOf('2026-02-30')).toThrow(RangeError);
    expect(dayNumberOf('1970-01-02')).toBe(1);
    expect(dayNumberOf('1969-12-31')).toBe(-1);
    expect(dateOfDayNumber(dayNumberOf('2026-03-29'))).toBe('2026-03-29');
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });
});
