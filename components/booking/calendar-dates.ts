/**
 * Arithmetic on wall-clock calendar dates (`YYYY-MM-DD`) and months (`YYYY-MM`). They carry no
 * zone: dates are counted as days since 1970-01-01 of the proleptic Gregorian calendar, with
 * integer arithmetic only (no Date objects: the calendar grid and its labels are computed on every
 * render, on the server for each page and on phones). Strings of these shapes compare correctly
 * with `<`.
 */

const DAY = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (civil-to-days over 400-year eras). */
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

/** The `YYYY-MM-DD` date `days` days after 1970-01-01 (the inverse of `toDays`). */
function fromDays(days: number): string {
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

/**
 * `compute` with its results kept: the grids and labels of the few months and days a page shows
 * are asked for on every render. Bounded, as a server renders pages for many months over time.
 */
function remembered<T>(compute: (key: string) => T): (key: string) => T {
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

export function addDays(date: string, days: number): string {
  return fromDays(toDays(date) + days);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(date: string): number {
  return (((toDays(date) + 4) % 7) + 7) % 7;
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

type Grid = readonly (readonly (string | null)[])[];

/**
 * The month as six weeks of seven cells starting on Sunday: a date for days of the month, null for
 * padding. Always six rows, so the calendar keeps its height from month to month. Shared between
 * callers, so read-only.
 */
export const monthGrid: (month: string) => Grid = remembered(buildMonthGrid);

function buildMonthGrid(month: string): Grid {
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  let cursor = addDays(first, -weekdayOf(first));
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

const monthFormat = new Intl.DateTimeFormat('en-US', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayFormat = new Intl.DateTimeFormat('en-US', {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const fullDayFormat = new Intl.DateTimeFormat('en-US', {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "November 2025". */
export const monthLabel = remembered((month) =>
  monthFormat.format(toDays(firstDayOf(month)) * DAY),
);

/** "Thursday, March 5". */
export const dayLabel = remembered((date) => dayFormat.format(toDays(date) * DAY));

/** "Thursday, March 5, 2026". */
export const fullDayLabel = remembered((date) => fullDayFormat.format(toDays(date) * DAY));
