/**
 * UTC offsets of an IANA zone as a short list of constant-offset segments, so that the slot engine
 * turns instants into wall-clock readings (and back) with integer arithmetic instead of one Intl
 * call per candidate.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/**
 * Two offset changes of one zone are never close: an hourly scan of every zone in this runtime's tz
 * data (2025c) over 1970–2045 found the closest pair 167 hours apart (Brazil 2000, Gaza 2040).
 * Probing every 12 hours therefore sees each change, and a change is then located by bisection.
 */
const PROBE_STEP_MS = 12 * 3_600_000;

/** A zone's UTC offsets as constant segments: segment i covers [starts[i], starts[i + 1]). */
export type ZoneTimeline = {
  timezone: string;
  /** Segment starts, epoch ms, ascending; starts[0] is -Infinity so the first segment is open. */
  starts: number[];
  /** Offset of each segment, ms (wall = instant + offset). */
  offsets: number[];
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (formatter === undefined) {
    // Throws RangeError for an unknown zone: callers validate zones at the boundary.
    // "19h GMT-05:00": the offset printed directly is the cheapest reading Intl offers.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hour: 'numeric',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    // Bounded so that a stream of distinct zone names cannot grow memory without end.
    if (formatters.size >= 1000) formatters.clear();
    formatters.set(timezone, formatter);
  }
  return formatter;
}

const digit = (text: string, at: number) => text.charCodeAt(at) - 48;

/** UTC offset of `timezone` at `instant` (epoch ms), in ms: wall clock = instant + offset. */
export function zoneOffsetAt(timezone: string, instant: number): number {
  const text = formatterFor(timezone).format(instant);
  // "GMT", "GMT+05:45" or, before standard time, "GMT-04:56:02".
  const at = text.lastIndexOf('GMT') + 3;
  if (at === 2) throw new RangeError(`Cannot read the UTC offset of ${timezone}`);
  if (at === text.length) return 0;
  const sign = text[at] === '-' ? -1 : 1;
  const hours = digit(text, at + 1) * 10 + digit(text, at + 2);
  const minutes = digit(text, at + 4) * 10 + digit(text, at + 5);
  const seconds = text.length > at + 6 ? digit(text, at + 7) * 10 + digit(text, at + 8) : 0;
  return sign * ((hours * 60 + minutes) * 60 + seconds) * 1000;
}

/** The first whole second in (low, high] (epoch ms) whose offset differs from `offset`. */
function findChange(timezone: string, low: number, high: number, offset: number): number {
  // The tz database changes offsets on whole seconds only, so bisect over seconds.
  let a = Math.floor(low / 1000);
  let b = Math.floor(high / 1000);
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (zoneOffsetAt(timezone, mid * 1000) === offset) a = mid;
    else b = mid;
  }
  return b * 1000;
}

/**
 * Offset segments are probed once per zone and 32-day chunk of time, then reused: every booking
 * page, slot list and booking check of one zone reads the same few transitions, and probing costs
 * a hundred Intl calls per month. A cache of a pure function; bounded so it cannot grow without end.
 */
const CHUNK_MS = 32 * DAY_MS;
const MAX_CACHED_CHUNKS = 4096;
const chunkCache = new Map<string, ZoneTimeline>();

function chunkTimeline(timezone: string, index: number): ZoneTimeline {
  const key = `${timezone}|${index}`;
  let timeline = chunkCache.get(key);
  if (timeline === undefined) {
    timeline = probeTimeline(timezone, index * CHUNK_MS, (index + 1) * CHUNK_MS);
    if (chunkCache.size >= MAX_CACHED_CHUNKS) chunkCache.clear();
    chunkCache.set(key, timeline);
  }
  return timeline;
}

/**
 * Offset segments of `timezone` that are exact for every instant in [from, to] (epoch ms); outside
 * that span the first and last segments are extrapolated.
 */
export function buildZoneTimeline(timezone: string, from: number, to: number): ZoneTimeline {
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from)
    return probeTimeline(timezone, from, to);
  const first = Math.floor(from / CHUNK_MS);
  const last = Math.floor(to / CHUNK_MS);
  const starts = [-Infinity];
  const offsets = [chunkTimeline(timezone, first).offsets[0]!];
  for (let index = first; index <= last; index++) {
    const chunk = chunkTimeline(timezone, index);
    // Chunks meet exactly: a change at a chunk's start is the previous chunk's last change.
    if (chunk.offsets[0] !== offsets[offsets.length - 1]) {
      starts.push(index * CHUNK_MS);
      offsets.push(chunk.offsets[0]!);
    }
    for (let i = 1; i < chunk.starts.length; i++) {
      if (chunk.starts[i]! <= starts[starts.length - 1]!) continue;
      starts.push(chunk.starts[i]!);
      offsets.push(chunk.offsets[i]!);
    }
  }
  return { timezone, starts, offsets };
}

function probeTimeline(timezone: string, from: number, to: number): ZoneTimeline {
  const starts = [-Infinity];
  const offsets = [zoneOffsetAt(timezone, from)];
  let previous = from;
  let current = offsets[0]!;
  for (let probe = from; probe < to;) {
    probe = Math.min(probe + PROBE_STEP_MS, to);
    const probed = zoneOffsetAt(timezone, probe);
    // A loop, not an if: two changes between probes must both be recorded.
    while (probed !== current) {
      const change = findChange(timezone, previous, probe, current);
      current = zoneOffsetAt(timezone, change);
      starts.push(change);
      offsets.push(current);
      previous = change;
    }
    previous = probe;
  }
  return { timezone, starts, offsets };
}

/** Index of the segment containing `instant`, searching forward from `hint` (for ascending sweeps). */
export function segmentIndexAt(timeline: ZoneTimeline, instant: number, hint = 0): number {
  const { starts } = timeline;
  let index = hint < starts.length && starts[hint]! <= instant ? hint : 0;
  while (index + 1 < starts.length && starts[index + 1]! <= instant) index++;
  return index;
}

/** Offset (ms) at `instant` (epoch ms) read from the timeline. */
export function offsetIn(timeline: ZoneTimeline, instant: number): number {
  return timeline.offsets[segmentIndexAt(timeline, instant)]!;
}
