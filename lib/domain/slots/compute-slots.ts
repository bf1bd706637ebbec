import { gridStarts } from './grid';
import { openHourStarts } from './open-hours';
import { blockedStarts, freeStarts } from './participant-spans';
import { intersectSpans, subtractSpans } from './spans';
import type { ComputeSlotsInput, SlotRules } from './types';
import { buildZoneTimeline, DAY_MS, MINUTE_MS } from './zone-timeline';

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
 * and range.start <= t < range.end; at most `limit` starts.
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

  // Three days each side covers every window of every local date that can hold a start in range.
  const timeline = buildZoneTimeline(rules.timezone, from - 3 * DAY_MS, to + 3 * DAY_MS);
  let allowed = openHourStarts(rules.openHours, timeline, from, to, durationMs);
  for (const participant of participants) {
    if (allowed.length === 0) return [];
    if (participant.freeTime.kind === 'free') {
      allowed = intersectSpans(
        allowed,
        freeStarts(participant.freeTime.intervals, durationMs, from, to),
      );
    }
  }
  if (allowed.length === 0) return [];
  const blocked = blockedStarts(participants, durationMs, rules.bufferMinutes * MINUTE_MS, allowed);
  allowed = subtractSpans(allowed, blocked);
  return gridStarts(allowed, timeline, rules.slotInterval * MINUTE_MS, limit);
}
