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
 * Where a search of `candidates` for an instant starts: for each bucket of `size` ms from `origin`,
 * the index of the first span that ends after the bucket begins. About four buckets per span, so
 * the span an instant may meet is found with one lookup and a search over the few spans that end
 * inside its bucket, instead of a binary search over them all.
 */
type SpanIndex = { origin: number; size: number; first: Int32Array };

/** Buckets narrower than a minute would only grow the index: meetings start on minutes. */
const MIN_BUCKET_MS = 60_000;

function indexSpans(candidates: Spans): SpanIndex {
  const { starts, ends, length } = candidates;
  const origin = length > 0 ? Math.floor(starts[0]!) : 0;
  const extent = length > 0 ? ends[length - 1]! - origin : 0;
  // Whole-ms buckets from a whole-ms origin keep every bucket boundary exact. An index that
  // cannot be built (no spans, or spans without end) is one bucket: a plain binary search.
  if (!(extent > 0 && extent < 2 ** 50)) {
    return { origin, size: Infinity, first: Int32Array.of(0, length) };
  }
  const size = Math.max(MIN_BUCKET_MS, Math.ceil(extent / (4 * length + 1)));
  const count = Math.ceil(extent / size);
  const first = new Int32Array(count + 1);
  let i = 0;
  for (let b = 0; b <= count; b++) {
    const at = origin + b * size;
    while (i < length && ends[i]! <= at) i++;
    first[b] = i;
  }
  return { origin, size, first };
}

/**
 * Adds the whole-ms starts t that each interval [s, e) blocks, s − before < t < e + after, i.e.
 * floor(s − before) + 1 <= t < ceil(e + after), unless that span misses every candidate. The
 * search is inline so that V8 keeps the epoch-ms doubles unboxed in this loop.
 */
function addBlocked(
  collector: SpanCollector,
  intervals: Interval[],
  before: number,
  after: number,
  candidates: Spans,
  index: SpanIndex,
): void {
  const { starts, ends, length } = candidates;
  const { origin, size, first } = index;
  const last = first.length - 1;
  for (let i = 0; i < intervals.length; i++) {
    const interval = intervals[i]!;
    if (!(interval.start < interval.end)) continue;
    const start = Math.floor(interval.start - before) + 1;
    const end = Math.ceil(interval.end + after);
    // The first span ending after `start` lies between the first ones ending after the start of
    // `start`'s bucket and after the start of the next one.
    let bucket = Math.floor((start - origin) / size);
    // A quotient rounded up onto the next whole number would skip a span: step back.
    if (bucket > 0 && origin + bucket * size > start) bucket--;
    // Before the first bucket, the first span is the one (and `low` stays 0).
    let low = 0;
    let high = 0;
    if (bucket >= last) {
      low = length;
      high = length;
    } else if (bucket >= 0) {
      low = first[bucket]!;
      high = first[bucket + 1]!;
    }
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
  const index = indexSpans(candidates);
  for (const participant of participants) {
    // Busy [s, e) blocks s − d < t < e; booked [s, e) blocks s − d − buffer < t < e + buffer.
    if (participant.freeTime.kind === 'busy') {
      addBlocked(collector, participant.freeTime.intervals, durationMs, 0, candidates, index);
    }
    addBlocked(collector, participant.booked, durationMs + bufferMs, bufferMs, candidates, index);
  }
  return collector.union();
}
