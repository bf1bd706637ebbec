import type { Interval } from '../slots/types';
import { dayNumberOf } from '../time/calendar-date';
import { resolveWall, timelineForDays } from '../slots/wall-clock';
import { DAY_MS } from '../slots/zone-timeline';

/**
 * The instants (epoch ms) of the local dates `fromDate`…`toDate` ("YYYY-MM-DD", both inclusive) in
 * `timezone`: [first instant of fromDate, first instant of the day after toDate). A date whose
 * midnight falls in a DST gap starts when the clock jumps; a midnight repeated by a fall-back
 * counts from its first occurrence, so consecutive ranges tile without overlap. Empty (end <=
 * start) when toDate is before fromDate.
 */
export function dateRangeToInterval(timezone: string, fromDate: string, toDate: string): Interval {
  const first = dayNumberOf(fromDate);
  const last = dayNumberOf(toDate);
  // Two small timelines, not one across the whole range: only the two midnights matter.
  const startZone = timelineForDays(timezone, first, first);
  const endZone = timelineForDays(timezone, last + 1, last + 1);
  return {
    start: resolveWall(startZone, first * DAY_MS, 'start'),
    end: resolveWall(endZone, (last + 1) * DAY_MS, 'start'),
  };
}
