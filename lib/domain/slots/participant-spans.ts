import { SpanCollector, type Spans } from './spans';
import type { Interval, SlotParticipant } from './types';

/**
 * Starts t (epoch ms) in [from, to) for which [t, t + durationMs) lies inside one interval of the
 * union of `free` (touching intervals join). Intervals that end before `from` or begin after the
 * last possible meeting end cannot change which starts fit, so they are skipped before sorting.
 */
export function freeStarts(free: Interval[], durationMs: number, from: number, to: number): Spans {
  const lastEnd = to + durationMs;
  const collector = new SpanCollector(free.length);
  for (const interval of free) {
    if (interval.end > from && interval.start < lastEnd) collector.add(interval.start, interval.end);
  }
  const union = collector.union();
  // Shrinking each union interval by the duration keeps them sorted and apart: no second sort.
  let k = 0;
  for (let i = 0; i < union.length; i++) {
    const start = Math.max(union.starts[i]!, from);
    const end = Math.min(union.ends[i]! - durationMs + 1, to);
    if (start < end) {
      union.starts[k] = start;
      union.ends[k] = end;
      k++;
    }
  }
  return { starts: union.starts, ends: union.ends, length: k };
}

/**
 * Starts t (epoch ms) in [from, to) that some participant cannot take: [t, t + duration) meets a
 * busy period of a calendar participant, or [t − buffer, t + duration + buffer) meets a meeting
 * already booked with that participant. Each busy or booked interval blocks one span of starts, and
 * a start blocked for anyone is blocked for the panel, so all participants share one sort.
 */
export function blockedStarts(
  participants: SlotParticipant[],
  durationMs: number,
  bufferMs: number,
  from: number,
  to: number,
): Spans {
  let capacity = 0;
  for (const participant of participants) {
    if (participant.freeTime.kind === 'busy') capacity += participant.freeTime.intervals.length;
    capacity += participant.booked.length;
  }
  const collector = new SpanCollector(capacity);
  const add = (interval: Interval, margin: number) => {
    // Integer ms: [t, t + d + m) meets [s, e) iff s − d − m < t < e + m, i.e. t in [s − d − m + 1, e + m).
    if (!(interval.start < interval.end)) return;
    const start = Math.max(interval.start - durationMs - margin + 1, from);
    const end = Math.min(interval.end + margin, to);
    collector.add(start, end);
  };
  for (const participant of participants) {
    if (participant.freeTime.kind === 'busy') {
      for (const interval of participant.freeTime.intervals) add(interval, 0);
    }
    for (const interval of participant.booked) add(interval, bufferMs);
  }
  return collector.union();
}
