import { SpanCollector, type Spans } from './spans';
import type { OpenHoursWindow } from './types';
import { weekdayOfDayNumber } from '../time/calendar-date';
import { minutesOfTime, resolveWall } from './wall-clock';
import { DAY_MS, MINUTE_MS, offsetIn, type ZoneTimeline } from './zone-timeline';

type ParsedWindow = { weekdays: number; startMinutes: number; endMinutes: number };

function parseWindows(windows: OpenHoursWindow[]): ParsedWindow[] {
  return windows.map((window) => {
    let weekdays = 0;
    for (const day of window.days) {
      if (!Number.isInteger(day) || day < 0 || day > 6) {
        throw new RangeError(`Open-hours day must be 0–6, got ${day}`);
      }
      weekdays |= 1 << day;
    }
    return {
      weekdays,
      startMinutes: minutesOfTime(window.start),
      endMinutes: minutesOfTime(window.end),
    };
  });
}

/**
 * Starts t (epoch ms) in [from, to) for which [t, t + durationMs) lies inside one open-hours window
 * instance of the timeline's zone (DESIGN §4 rule 1). Window instances are not merged with each
 * other: a meeting must fit inside a single one, even when two windows touch or overlap.
 */
export function openHourStarts(
  windows: OpenHoursWindow[],
  timeline: ZoneTimeline,
  from: number,
  to: number,
  durationMs: number,
): Spans {
  const parsed = parseWindows(windows);
  // A window of local date D reaches at most into D ± 1 (fall-back overlaps around midnight), so
  // the dates one either side of the searched local dates are enough.
  const firstDay = Math.floor((from + offsetIn(timeline, from)) / DAY_MS) - 1;
  const lastDay = Math.floor((to + offsetIn(timeline, to)) / DAY_MS) + 1;
  const collector = new SpanCollector((lastDay - firstDay + 1) * parsed.length);
  for (let day = firstDay; day <= lastDay; day++) {
    const weekdayBit = 1 << weekdayOfDayNumber(day);
    for (const window of parsed) {
      if ((window.weekdays & weekdayBit) === 0) continue;
      const start = resolveWall(timeline, day * DAY_MS + window.startMinutes * MINUTE_MS, 'start');
      const end = resolveWall(timeline, day * DAY_MS + window.endMinutes * MINUTE_MS, 'end');
      // Starts are integer ms, so "t + duration <= end" is "t < end - duration + 1".
      collector.add(Math.max(start, from), Math.min(end - durationMs + 1, to));
    }
  }
  return collector.union();
}
