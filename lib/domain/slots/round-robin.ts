import { computeSlots } from './compute-slots';
import type { ComputeSlotsInput } from './types';

/**
 * Indices of `input.participants` each of whom could take `start` (epoch ms) alone: every slot
 * rule holds for them (rules 1–5). Under round robin, the start is offered when this is non-empty.
 */
export function freeParticipantsAt(input: ComputeSlotsInput, start: number): number[] {
  const free: number[] = [];
  input.participants.forEach((participant, index) => {
    const alone = computeSlots({
      ...input,
      method: 'COLLECTIVE',
      participants: [participant],
      range: { start, end: start + 1 },
      limit: 1,
    });
    if (alone[0] === start) free.push(index);
  });
  return free;
}

export type PoolMemberLoad = {
  /** Live meetings of this member in the organization over the 14 days from now. */
  upcomingMeetings: number;
  /** When a meeting was last booked with them (epoch ms), null when never. */
  lastBookedAt: number | null;
};

/**
 * Whom round robin assigns among the free members (DESIGN §3): the fewest upcoming meetings, then
 * the least recently booked (never booked first), then the first in the pool's order.
 * `loads[i]` belongs to member i; returns a member index, or undefined when none is free.
 */
export function chooseAssignee(free: number[], loads: PoolMemberLoad[]): number | undefined {
  let best: number | undefined;
  for (const index of free) {
    if (best === undefined) {
      best = index;
      continue;
    }
    const a = loads[index]!;
    const b = loads[best]!;
    if (a.upcomingMeetings !== b.upcomingMeetings) {
      if (a.upcomingMeetings < b.upcomingMeetings) best = index;
      continue;
    }
    const aLast = a.lastBookedAt ?? -Infinity;
    const bLast = b.lastBookedAt ?? -Infinity;
    if (aLast < bLast || (aLast === bLast && index < best)) best = index;
  }
  return best;
}
