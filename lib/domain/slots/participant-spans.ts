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
    if (interval.end > from && interval.start < lastEnd)
      collector.add(interval.start, interval.end);
  }
  const union = collector.union();
  // Shrinking each union interval by the duration keeps them sorted and apart: no second sort.
  // Starts are whole ms: a <= t and t + d <= b mean ceil(a) <= t < floor(b − d) + 1.
  let k = 0;
  for (let i = 0; i < union.length; i++) {
    const start = Math.max(Math.ceil(union.starts[i]!), from);
    const end = Math.min(Math.floor(union.ends[i]! - durationMs) + 1, to);
    if (start < end) {
      union.starts[k] = start;
      union.ends[k] = end;
      k++;
    }
  }
  return { starts: union.starts, ends: union.ends, length: k };
}

/**
 * Adds the whole-ms starts t that each interval [s, e) blocks, s − before < t < e + after, i.e.
 * floor(s − before) + 1 <= t < ceil(e + after), unless that span misses every candidate. The
 * binary search is inline so that V8 keeps the epoch-ms doubles unboxed in this loop.
 */
function addBlocked(
  collector: SpanCollector,
  intervals: Interval[],
  before: number,
  after: number,
  candidates: Spans,
): void {
  const { starts, ends, length } = candidates;
  for (let i = 0; i < intervals.length; i++) {
    const interval = intervals[i]!;
    if (!(interval.start < interval.end)) continue;
    const start = Math.floor(interval.start - before) + 1;
    const end = Math.ceil(interval.end + after);
    let low = 0;
    let high = length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (ends[mid]! <= start) low = mid + 1;
      else high = mid;
    }
    if (low < length && starts[low]! < end) collector.add(start, end);
  }
}

/**
 * The starts of `candidates` (epoch ms) that some participant cannot take: [t, t + duration)
 * meets a busy period of a calendar participant, or [t − buffer, t + duration + buffer) meets a
 * meeting already booked with that participant. Each busy or booked interval blocks one span of
 * starts, and a start blocked for anyone is blocked for the panel, so all participants share one
 * sort. Spans that miss every candidate (a busy evening outside open hours) are dropped first, so
 * only the relevant ones are sorted.
 */
export function blockedStarts(
  participants: SlotParticipant[],
  durationMs: number,
  bufferMs: number,
  candidates: Spans,
): Spans {
  let capacity = 0;
  for (const participant of participants) {
    if (participant.freeTime.kind === 'busy') capacity += participant.freeTime.intervals.length;
    capacity += participant.booked.length;
  }
  const collector = new SpanCollector(capacity);
  for (const participant of participants) {
    // Busy [s, e) blocks s − d < t < e; booked [s, e) blocks s − d − buffer < t < e + buffer.
    if (participant.freeTime.kind === 'busy') {
      addBlocked(collector, participant.freeTime.intervals, durationMs, 0, candidates);
    }
    addBlocked(collector, participant.booked, durationMs + bufferMs, bufferMs, candidates);
  }
  return collector.union();
}
