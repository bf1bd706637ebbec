import { gridStarts } from './grid';
import { hasLimits, limitBlockedStarts } from './load-limits';
import { openHourStarts } from './open-hours';
import { blockedStarts, freeStarts } from './participant-spans';
import { emptySpans, intersectSpans, subtractSpans, unionSpans, type Spans } from './spans';
import type { ComputeSlotsInput, SlotParticipant, SlotRules } from './types';
import { buildZoneTimeline, DAY_MS, MINUTE_MS, type ZoneTimeline } from './zone-timeline';

function assertRules(rules: SlotRules): void {
  const whole = (value: number, min: number) => Number.isInteger(value) && value >= min;
  if (!whole(rules.duration, 1)) throw new RangeError('duration must be a whole number >= 1');
  if (!whole(rules.slotInterval, 1))
    throw new RangeError('slotInterval must be a whole number >= 1');
  if (!(rules.bufferMinutes >= 0)) throw new RangeError('bufferMinutes must be >= 0');
  if (!Number.isFinite(rules.minimumNoticeMinutes)) {
    throw new RangeError('minimumNoticeMinutes must be finite');
  }
  if (!(rules.bookingHorizonDays >= 0) || !Number.isFinite(rules.bookingHorizonDays)) {
    throw new RangeError('bookingHorizonDays must be finite and >= 0');
  }
}

/**
 * Offered meeting starts (epoch ms, ascending, no duplicates) under DESIGN §4: t is offered when
 * 1. [t, t + duration) lies inside one open-hours window instance of the meeting zone (DST-aware;
 *    see `resolveWall` for gap and overlap boundaries),
 * 2. t's wall-clock reading in the meeting zone is a multiple of slotInterval after local midnight,
 * 3. every participant is free for [t, t + duration) and has no booked meeting within
 *    [t − buffer, t + duration + buffer),
 * 4. now + minimumNotice <= t < now + bookingHorizonDays · 24 h,
 * 5. no participant is at a load limit on t's local date or ISO week in the meeting zone,
 * and range.start <= t < range.end; at most `limit` starts. With `method: 'ROUND_ROBIN'`, rules 3
 * and 5 must hold for at least one participant instead of all.
 * Starts are whole epoch ms; inputs may be any numbers (fractions are honoured exactly). Empty
 * intervals (end <= start) block and cover nothing. Throws
 * RangeError for an unknown zone or malformed rules (the API validates both before calling).
 */
export function computeSlots(input: ComputeSlotsInput): number[] {
  const { rules, participants, now, range } = input;
  assertRules(rules);
  const limit = input.limit ?? Infinity;
  // Offered starts are whole ms (zone offsets are whole seconds), so bounds round up.
  const from = Math.ceil(Math.max(range.start, now + rules.minimumNoticeMinutes * MINUTE_MS));
  const to = Math.ceil(Math.min(range.end, now + rules.bookingHorizonDays * DAY_MS));
  if (!(from < to) || !(limit > 0)) return [];
  const durationMs = rules.duration * MINUTE_MS;

  // Three days each side covers every window of every local date that can hold a start in range;
  // nine when load limits count meetings of the same ISO week, which may lie up to 7 days away.
  const margin = (participants.some((p) => hasLimits(p.load)) ? 9 : 3) * DAY_MS;
  const timeline = buildZoneTimeline(rules.timezone, from - margin, to + margin);
  const windows = openHourStarts(rules.openHours, timeline, from, to, durationMs);
  const scope: Scope = {
    durationMs,
    bufferMs: rules.bufferMinutes * MINUTE_MS,
    from,
    to,
    timeline,
  };
  let allowed: Spans;
  if (input.method === 'ROUND_ROBIN') {
    // A start is offered when someone in the pool can take it: the union of each one's starts.
    // Each member is only asked about the starts nobody before them could take, so the busy
    // periods that fall where the pool is already covered are dropped before any sorting.
    allowed = emptySpans;
    let open = windows;
    for (const participant of participants) {
      if (open.length === 0) break;
      const own = allowedFor(open, [participant], scope);
      if (own.length === 0) continue;
      allowed = unionSpans(allowed, own);
      open = subtractSpans(open, own);
    }
  } else {
    allowed = allowedFor(windows, participants, scope);
  }
  return gridStarts(allowed, timeline, rules.slotInterval * MINUTE_MS, limit);
}

type Scope = {
  durationMs: number;
  bufferMs: number;
  from: number;
  to: number;
  timeline: ZoneTimeline;
};

/** Starts of `windows` at which every one of `participants` is free (rules 3 and 5). */
function allowedFor(windows: Spans, participants: SlotParticipant[], scope: Scope): Spans {
  const { durationMs, bufferMs, from, to, timeline } = scope;
  let allowed = windows;
  for (const participant of participants) {
    if (allowed.length === 0) return allowed;
    if (participant.freeTime.kind === 'free') {
      allowed = intersectSpans(
        allowed,
        freeStarts(participant.freeTime.intervals, durationMs, from, to),
      );
    }
  }
  if (allowed.length === 0) return allowed;
  const blocked = blockedStarts(participants, durationMs, bufferMs, allowed);
  allowed = subtractSpans(allowed, blocked);
  for (const participant of participants) {
    if (allowed.length === 0) return allowed;
    if (hasLimits(participant.load)) {
      allowed = subtractSpans(allowed, limitBlockedStarts(participant.load, timeline));
    }
  }
  return allowed;
}
