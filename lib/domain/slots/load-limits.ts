import { SpanCollector, type Spans } from './spans';
import type { ParticipantLoad } from './types';
import { DAY_MS, segmentIndexAt, type ZoneTimeline } from './zone-timeline';

/** Day number (days since 1970-01-01 on the wall clock) of the ISO week's Monday holding `day`. */
export function isoWeekMonday(day: number): number {
  // Day 0 was a Thursday: Monday 1969-12-29 is day −3, so weeks are counted from there.
  return Math.floor((day + 3) / 7) * 7 - 3;
}

/**
 * Starts (epoch ms) at which a participant is at a load limit (DESIGN §4 rule 5): every instant
 * whose wall-clock date in the timeline's zone holds `maxPerDay` or more of their meeting starts,
 * or whose ISO week (Monday to Sunday on that wall clock) holds `maxPerWeek` or more. A meeting
 * counts on the local date of its start. The timeline must be exact around every counted start.
 */
export function limitBlockedStarts(load: ParticipantLoad, timeline: ZoneTimeline): Spans {
  const { maxPerDay, maxPerWeek } = load;
  const hasDay = typeof maxPerDay === 'number';
  const hasWeek = typeof maxPerWeek === 'number';
  const collector = new SpanCollector(2 * timeline.starts.length * (load.meetingStarts.length + 1));
  if ((hasDay && maxPerDay <= 0) || (hasWeek && maxPerWeek <= 0)) {
    collector.add(-Infinity, Infinity);
    return collector.union();
  }
  const perDay = new Map<number, number>();
  const perWeek = new Map<number, number>();
  let hint = 0;
  const sorted = [...load.meetingStarts].sort((a, b) => a - b);
  for (const start of sorted) {
    hint = segmentIndexAt(timeline, start, hint);
    const day = Math.floor((start + timeline.offsets[hint]!) / DAY_MS);
    if (hasDay) perDay.set(day, (perDay.get(day) ?? 0) + 1);
    if (hasWeek) {
      const monday = isoWeekMonday(day);
      perWeek.set(monday, (perWeek.get(monday) ?? 0) + 1);
    }
  }
  const addWall = (wallStart: number, wallEnd: number) => {
    // Instants reading [wallStart, wallEnd): per constant-offset segment, one span.
    const { starts, offsets } = timeline;
    for (let i = 0; i < starts.length; i++) {
      const segmentEnd = i + 1 < starts.length ? starts[i + 1]! : Infinity;
      collector.add(
        Math.max(wallStart - offsets[i]!, starts[i]!),
        Math.min(wallEnd - offsets[i]!, segmentEnd),
      );
    }
  };
  if (hasDay) {
    for (const [day, count] of perDay) {
      if (count >= maxPerDay) addWall(day * DAY_MS, (day + 1) * DAY_MS);
    }
  }
  if (hasWeek) {
    for (const [monday, count] of perWeek) {
      if (count >= maxPerWeek) addWall(monday * DAY_MS, (monday + 7) * DAY_MS);
    }
  }
  return collector.union();
}

/** Whether the load has any limit to apply. */
export function hasLimits(load: ParticipantLoad | undefined): load is ParticipantLoad {
  return (
    load !== undefined &&
    (typeof load.maxPerDay === 'number' || typeof load.maxPerWeek === 'number')
  );
}
