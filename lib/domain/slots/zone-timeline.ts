/**
 * UTC offsets of an IANA zone as a short list of constant-offset segments, so that the slot engine
 * turns instants into wall-clock readings (and back) with integer arithmetic instead of one Intl
 * call per candidate.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/**
 * Offsets have changed at most a few times a year in every zone since 1970; the closest pairs of
 * changes in the tz database are weeks apart (Ramadan suspensions, cancelled DST). Probing twice a
 * day therefore sees every change while costing ~2 Intl calls per day of the searched range.
 */
const PROBE_STEP_MS = 12 * 3_600_000;

/** Wall clock minus UTC, in ms, after `from` (epoch ms); segment i lasts until `starts[i + 1]`. */
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
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    // Bounded so that a stream of distinct zone names cannot grow memory without end.
    if (formatters.size >= 1000) formatters.clear();
    formatters.set(timezone, formatter);
  }
  return formatter;
}

// "3/7/2026, 23:59:00": `format` is several times faster than `formatToParts`.
const formatted = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

/** UTC offset of `timezone` at `instant` (epoch ms), in ms: wall clock = instant + offset. */
export function zoneOffsetAt(timezone: string, instant: number): number {
  const second = Math.floor(instant / 1000) * 1000;
  const match = formatted.exec(formatterFor(timezone).format(second));
  if (match === null) throw new RangeError(`Cannot read the wall clock of ${timezone}`);
  const [, month, day, year, hour, minute, sec] = match.map(Number) as number[];
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, sec!);
  return wall - second;
}

/** The first whole second in (low, high] (epoch ms) whose offset differs from `offset`. */
function findChange(timezone: string, low: number, high: number, offset: number): number {
  // Offsets are read per whole second (zoneOffsetAt floors), so search over seconds.
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
 * Offset segments of `timezone` that are exact for every instant in [from, to] (epoch ms); outside
 * that span the first and last segments are extrapolated.
 */
export function buildZoneTimeline(timezone: string, from: number, to: number): ZoneTimeline {
  const starts = [-Infinity];
  const offsets = [zoneOffsetAt(timezone, from)];
  let previous = from;
  let current = offsets[0]!;
  for (let probe = from; probe < to; ) {
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
