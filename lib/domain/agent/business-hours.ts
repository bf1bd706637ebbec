import { addDays, weekdayOf } from '../time/calendar-date';
import { localDateOf, wallTimeToInstants } from '../slots/wall-clock';

/** Business hours of DESIGN §3: 09:00–18:00, Monday to Friday, on the candidate's wall clock. */
const OPEN = 9 * 60;
const CLOSE = 18 * 60;

/** The first instant, `now` or later, inside business hours in `zone`. Pure. */
export function nextBusinessInstant(zone: string, now: number): number {
  for (let day = 0; day < 8; day++) {
    const date = addDays(localDateOf(zone, now), day);
    const weekday = weekdayOf(date);
    if (weekday === 0 || weekday === 6) continue;
    // The first of the instants a wall time names (a clock change may name two, or none: then
    // the instant after the gap).
    const opens =
      wallTimeToInstants(zone, date, OPEN)[0] ?? wallTimeToInstants(zone, date, OPEN + 60)[0]!;
    const closes =
      wallTimeToInstants(zone, date, CLOSE)[0] ?? wallTimeToInstants(zone, date, CLOSE + 60)[0]!;
    if (now < opens) return opens;
    if (now < closes) return now;
  }
  return now;
}
