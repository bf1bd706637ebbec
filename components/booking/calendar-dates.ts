/**
 * Arithmetic on wall-clock calendar dates (`YYYY-MM-DD`) and months (`YYYY-MM`). They carry no
 * zone: UTC is used internally only because it has no DST, so adding days never skips one.
 * Strings of these shapes compare correctly with `<`.
 */

const DAY = 86_400_000;

function toUtc(date: string): number {
  return Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
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
 * The month as six weeks of seven cells starting on Sunday: a date for days of the month, null for
 * padding. Always six rows, so the calendar keeps its height from month to month.
 */
export function monthGrid(month: string): (string | null)[][] {
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  let cursor = addDays(first, -weekdayOf(first));
  const weeks: (string | null)[][] = [];
  for (let w = 0; w < 6; w++) {
    const week: (string | null)[] = [];
    for (let d = 0; d < 7; d++) {
      week.push(cursor >= first && cursor <= last ? cursor : null);
      cursor = addDays(cursor, 1);
    }
    weeks.push(week);
  }
  return weeks;
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
export function monthLabel(month: string): string {
  return monthFormat.format(toUtc(firstDayOf(month)));
}

/** "Thursday, March 5". */
export function dayLabel(date: string): string {
  return dayFormat.format(toUtc(date));
}

/** "Thursday, March 5, 2026". */
export function fullDayLabel(date: string): string {
  return fullDayFormat.format(toUtc(date));
}
