import { SpanCollector } from '../slots/spans';
import type { Interval } from '../slots/types';
import { dayNumberOf } from '../time/calendar-date';
import { minutesOfTime, resolveWall, timelineForDays } from '../slots/wall-clock';
import { DAY_MS, MINUTE_MS } from '../slots/zone-timeline';

/** A wall-clock range on one date: "YYYY-MM-DD", "HH:mm"; `endTime` may be "24:00". */
export type WallTimeSlot = { date: string; startTime: string; endTime: string };

/**
 * The union of `intervals` (epoch ms), sorted by start, with overlapping and touching intervals
 * merged and empty ones (end <= start) dropped. The input is not modified.
 */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const collector = new SpanCollector(intervals.length);
  for (const interval of intervals) collector.add(interval.start, interval.end);
  const union = collector.union();
  const merged: Interval[] = [];
  for (let i = 0; i < union.length; i++) {
    merged.push({ start: union.starts[i]!, end: union.ends[i]! });
  }
  return merged;
}

/**
 * Wall-clock slots in `timezone` (IANA) as instants (epoch ms), sorted and merged. Boundaries
 * follow the open-hours rule (see `resolveWall`): a start repeated by a fall-back takes the earlier
 * instant, an end the later one; a boundary in a spring-forward gap takes the instant the clock
 * jumps, so a slot entirely inside a gap is empty and dropped. A slot whose end is not after its
 * start is empty too (the API rejects those).
 */
export function timeSlotsToIntervals(timezone: string, slots: WallTimeSlot[]): Interval[] {
  if (slots.length === 0) return [];
  const days = slots.map((slot) => dayNumberOf(slot.date));
  const firstDay = Math.min(...days);
  const lastDay = Math.max(...days);
  // Offsets cost ~2 Intl calls per day of timeline: one shared timeline for dense slots, one small
  // timeline per slot when a few slots are spread over a long span.
  const shared =
    lastDay - firstDay <= 3 * slots.length
      ? timelineForDays(timezone, firstDay, lastDay + 1)
      : null;
  const intervals = slots.map((slot, i) => {
    const midnight = days[i]! * DAY_MS;
    const timeline = shared ?? timelineForDays(timezone, days[i]!, days[i]! + 1);
    return {
      start: resolveWall(timeline, midnight + minutesOfTime(slot.startTime) * MINUTE_MS, 'start'),
      end: resolveWall(timeline, midnight + minutesOfTime(slot.endTime) * MINUTE_MS, 'end'),
    };
  });
  return mergeIntervals(intervals);
}
