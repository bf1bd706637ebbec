import { computeSlots } from './compute-slots';
import type { ComputeSlotsInput } from './types';

export type NamedParticipant = {
  name: string;
  /** Waiting for an emailed reply: nothing of theirs can be offered yet. */
  isAwaitingReply: boolean;
};

/**
 * Why `computeSlots(input)` offers nothing, in words for the recruiter: each rule is relaxed in
 * turn and the engine run again, so the reason names the rule that actually removes every start
 * (not a guess from the inputs). `participants[i]` names `input.participants[i]`. Pure.
 */
export function explainNoStarts(
  input: ComputeSlotsInput,
  participants: NamedParticipant[],
): string[] {
  const hasAny = (changed: ComputeSlotsInput) => computeSlots({ ...changed, limit: 1 }).length > 0;
  const { rules } = input;
  const reasons: string[] = [];

  if (!hasAny({ ...input, participants: [] })) {
    const unbounded = { ...rules, minimumNoticeMinutes: 0, bookingHorizonDays: 365 };
    if (hasAny({ ...input, participants: [], rules: unbounded })) {
      reasons.push(
        rules.minimumNoticeMinutes > 0
          ? `The minimum notice (${rules.minimumNoticeMinutes} minutes) or the booking horizon leaves no open time in this week.`
          : 'The booking horizon ends before any open time in this week.',
      );
    } else {
      reasons.push(
        `The open hours leave no room for a ${rules.duration}-minute meeting on the grid of ${rules.slotInterval} minutes in the rest of this week.`,
      );
    }
    return reasons;
  }

  input.participants.forEach((participant, i) => {
    const who = participants[i];
    if (!who) return;
    const alone = { ...input, participants: [participant] };
    if (hasAny(alone)) return;
    if (who.isAwaitingReply) {
      reasons.push(
        `${who.name} is asked for their availability by email: nothing is offered until they reply.`,
      );
    } else if (hasAny({ ...input, participants: [{ ...participant, booked: [] }] })) {
      reasons.push(`Meetings already booked with ${who.name} fill their free times this week.`);
    } else {
      reasons.push(`${who.name} has no free time inside the open hours this week.`);
    }
  });
  if (reasons.length === 0) {
    reasons.push(
      'Each participant has free time, but never all of them at once inside the open hours.',
    );
  }
  return reasons;
}
