/**
 * Wall-clock calendar dates (`YYYY-MM-DD`) and months (`YYYY-MM`), with no zone: the one date
 * module of the contracts (validation), the domain (slots, availability) and the components
 * (calendar grid). Dates are counted as day numbers, days since 1970-01-01 of the proleptic
 * Gregorian calendar, with integer arithmetic only (no Date objects: the booking page's calendar is
 * computed on every render, on the server and on phones). Strings of these shapes compare
 * correctly with `<`.
 */

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Day number of a `YYYY-MM-DD` string, unchecked (civil-to-days over 400-year eras). */
function toDays(date: string): number {
  const month = Number(date.slice(5, 7));
  const year = Number(date.slice(0, 4)) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear =
    Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + Number(date.slice(8, 10)) - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The `YYYY-MM-DD` date of a day number (the inverse of `toDays`). */
export function dateOfDayNumber(days: number): string {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1_460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether `value` is `YYYY-MM-DD` and a day that exists (no February 30th, no month 13). */
export function isCalendarDate(value: string): boolean {
  return DATE_PATTERN.test(value) && dateOfDayNumber(toDays(value)) === value;
}

/** Day number (days since 1970-01-01) of a real `YYYY-MM-DD` date; RangeError for anything else. */
export function dayNumberOf(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`Not a date YYYY-MM-DD: "${date}"`);
  return toDays(date);
}

/** Weekday of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/** Weekday of a date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return weekdayOfDayNumber(toDays(date));
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(toDays(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDays(to) - toDays(from);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function firstDayOf(month: string): string {
  return `${month}-01`;
}

export function lastDayOf(month: string): string {
  return addDays(firstDayOf(addMonths(month, 1)), -1);
}

/** The same day number in another month, clamped to that month's length (Jan 31 → Feb 28). */
export function shiftMonthKeepingDay(date: string, months: number): string {
  const target = addMonths(monthOf(date), months);
  const day = Math.min(Number(date.slice(8, 10)), Number(lastDayOf(target).slice(8, 10)));
  return `${target}-${String(day).padStart(2, '0')}`;
}

/**
 * `compute` with its results kept: the grids of the few months a page shows are asked for on
 * every render. Bounded, as a server renders pages for many months over time.
 */
export function remembered<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= 1_000) cache.clear();
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

export type MonthGrid = readonly (readonly (string | null)[])[];

/** 0: weeks start on Sunday (as in the US); 1: on Monday (as in most of Europe). */
export type WeekStart = 0 | 1;

/**
 * The month as six weeks of seven cells starting on `weekStartsOn`: a date for days of the month,
 * null for padding. Always six rows, so a calendar keeps its height from month to month. Shared
 * between callers, so read-only.
 */
export function monthGrid(month: string, weekStartsOn: WeekStart = 0): MonthGrid {
  return grids(`${month}|${weekStartsOn}`);
}

const grids = remembered((key) =>
  buildMonthGrid(key.slice(0, 7), Number(key.slice(8)) as WeekStart),
);

function buildMonthGrid(month: string, weekStartsOn: WeekStart): MonthGrid {
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  let cursor = addDays(first, -((weekdayOf(first) - weekStartsOn + 7) % 7));
  const weeks: (readonly (string | null)[])[] = [];
  for (let w = 0; w < 6; w++) {
    const week: (string | null)[] = [];
    for (let d = 0; d < 7; d++) {
      week.push(cursor >= first && cursor <= last ? cursor : null);
      cursor = addDays(cursor, 1);
    }
    weeks.push(Object.freeze(week));
  }
  return Object.freeze(weeks);
}
