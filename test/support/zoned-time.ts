import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';

/** Wall clocks of fixed zones for HTTP tests: instants of local times, and the next clock change. */

export const DAY_MS = 86_400_000;

/** The instant of wall time `time` (HH:mm) on `date` (yyyy-MM-dd) in `zone`, as epoch ms. */
export function instantIn(date: string, time: string, zone: string): number {
  return fromZonedTime(`${date}T${time}:00`, zone).getTime();
}

/** The hour (0–23) of an instant on `zone`'s wall clock. */
export function hourIn(at: number, zone: string): number {
  return Number(formatInTimeZone(at, zone, 'H'));
}

/** The UTC date (yyyy-MM-dd) of an instant. */
export const utcDateOf = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * The Friday before and the Monday and Tuesday after New York's next clock change (the second
 * Sunday of March or the first of November) at least four days from `now`.
 */
export function aroundNextClockChange(now = Date.now()) {
  const sundays: number[] = [];
  for (const year of [new Date(now).getUTCFullYear(), new Date(now).getUTCFullYear() + 1]) {
    const firstSunday = (at: number) => at + ((7 - new Date(at).getUTCDay()) % 7) * DAY_MS;
    sundays.push(
      firstSunday(Date.UTC(year, 2, 1)) + 7 * DAY_MS,
      firstSunday(Date.UTC(year, 10, 1)),
    );
  }
  const sunday = sundays.filter((s) => s > now + 4 * DAY_MS).sort((a, b) => a - b)[0]!;
  return {
    friday: utcDateOf(sunday - 2 * DAY_MS),
    monday: utcDateOf(sunday + DAY_MS),
    tuesday: utcDateOf(sunday + 2 * DAY_MS),
  };
}
