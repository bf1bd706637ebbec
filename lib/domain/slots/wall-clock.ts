import { dateOfDayNumber, dayNumberOf } from '../time/calendar-date';
import {
  buildZoneTimeline,
  DAY_MS,
  MINUTE_MS,
  zoneOffsetAt,
  type ZoneTimeline,
} from './zone-timeline';

/**
 * Wall-clock values are handled as "wall ms": the epoch ms the same reading would have in UTC
 * (instant + offset). A local date is then the day number floor(wallMs / DAY_MS).
 */

const timePattern = /^(\d{2}):(\d{2})$/;

/** Minutes since 00:00 of a wall-clock "HH:mm" (00:00–23:59, or "24:00" = 1440). */
export function minutesOfTime(time: string): number {
  const match = timePattern.exec(time);
  if (match !== null) {
    const minutes = Number(match[1]) * 60 + Number(match[2]);
    if (Number(match[2]) < 60 && minutes <= 1440) return minutes;
  }
  throw new RangeError(`Not a time HH:mm: "${time}"`);
}

/**
 * Every instant (epoch ms, ascending) whose wall clock reads `wallMs` on the timeline: none in a
 * spring-forward gap, two in a fall-back overlap.
 */
export function instantsOfWall(timeline: ZoneTimeline, wallMs: number): number[] {
  const { starts, offsets } = timeline;
  const found: number[] = [];
  for (let i = 0; i < starts.length; i++) {
    const instant = wallMs - offsets[i]!;
    const end = i + 1 < starts.length ? starts[i + 1]! : Infinity;
    if (instant >= starts[i]! && instant < end) found.push(instant);
  }
  return found;
}

/**
 * The instant (epoch ms) a wall-clock range boundary stands for. The policy, shared by open hours,
 * time slots and the naive reference:
 * - a reading that occurs twice (fall-back overlap) maps to the EARLIER instant as a `start` and to
 *   the LATER instant as an `end`, so a range covers the whole repeated hour;
 * - a reading that does not exist (spring-forward gap) maps to the first instant after the gap, the
 *   moment the clock jumps, for both; a range inside a gap is therefore empty.
 */
export function resolveWall(timeline: ZoneTimeline, wallMs: number, edge: 'start' | 'end'): number {
  const found = instantsOfWall(timeline, wallMs);
  if (found.length > 0) return edge === 'start' ? found[0]! : found[found.length - 1]!;
  const { starts, offsets } = timeline;
  for (let i = 1; i < starts.length; i++) {
    const change = starts[i]!;
    if (change + offsets[i - 1]! <= wallMs && wallMs < change + offsets[i]!) return change;
  }
  throw new RangeError(`Wall time outside the timeline of ${timeline.timezone}`);
}

/** A timeline exact for every instant whose wall date lies in [firstDay, lastDay] (day numbers). */
export function timelineForDays(timezone: string, firstDay: number, lastDay: number): ZoneTimeline {
  // UTC offsets stay within −12 h … +14 h, so one day of margin each side suffices.
  return buildZoneTimeline(timezone, (firstDay - 1) * DAY_MS, (lastDay + 2) * DAY_MS);
}

/**
 * Instants (epoch ms, ascending) at which the wall clock of `timezone` reads `date` ("YYYY-MM-DD")
 * plus `minutesOfDay` (0–1440; 1440 = 00:00 of the next date): 0 in a gap, 2 in a fall-back overlap.
 */
export function wallTimeToInstants(timezone: string, date: string, minutesOfDay: number): number[] {
  const day = dayNumberOf(date);
  const timeline = timelineForDays(timezone, day, day + 1);
  return instantsOfWall(timeline, day * DAY_MS + minutesOfDay * MINUTE_MS);
}

/** Local date "YYYY-MM-DD" in `timezone` of `instant` (epoch ms). */
export function localDateOf(timezone: string, instant: number): string {
  return dateOfDayNumber(Math.floor((instant + zoneOffsetAt(timezone, instant)) / DAY_MS));
}
