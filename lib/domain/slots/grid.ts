import type { Spans } from './spans';
import { DAY_MS, segmentIndexAt, type ZoneTimeline } from './zone-timeline';

/**
 * Instants (epoch ms, ascending) inside `allowed` whose wall-clock reading in the timeline's zone is
 * a multiple of `stepMs` after local midnight (DESIGN §4 rule 2), at most `limit` of them. The
 * reading is hours·60 + minutes, not time elapsed since midnight, so a DST day keeps its grid; a
 * reading repeated by a fall-back is on the grid at both instants, one skipped by a gap at none.
 */
export function gridStarts(
  allowed: Spans,
  timeline: ZoneTimeline,
  stepMs: number,
  limit: number,
): number[] {
  const out: number[] = [];
  const { starts: segmentStarts, offsets } = timeline;
  let segment = 0;
  for (let k = 0; k < allowed.length; k++) {
    let from = allowed.starts[k]!;
    const to = allowed.ends[k]!;
    while (from < to) {
      segment = segmentIndexAt(timeline, from, segment);
      const offset = offsets[segment]!;
      const segmentEnd =
        segment + 1 < segmentStarts.length ? segmentStarts[segment + 1]! : Infinity;
      const until = Math.min(to, segmentEnd);
      // Within one segment the wall clock is instant + offset: walk the local grid in wall ms.
      const wall = from + offset;
      let midnight = Math.floor(wall / DAY_MS) * DAY_MS;
      let sinceMidnight = Math.ceil((wall - midnight) / stepMs) * stepMs;
      if (sinceMidnight >= DAY_MS) {
        midnight += DAY_MS;
        sinceMidnight = 0;
      }
      for (;;) {
        const instant = midnight + sinceMidnight - offset;
        if (instant >= until) break;
        out.push(instant);
        if (out.length >= limit) return out;
        sinceMidnight += stepMs;
        if (sinceMidnight >= DAY_MS) {
          midnight += DAY_MS;
          sinceMidnight = 0;
        }
      }
      from = until;
    }
  }
  return out;
}
