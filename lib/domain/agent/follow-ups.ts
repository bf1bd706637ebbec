/**
 * When the agent acts next without being spoken to (DESIGN §7 timing). Pure. Nudge n (1-based)
 * is due `intervalHours × n` after the last candidate message (or the start); the timeout
 * `timeoutHours` after it. The earlier of the two that still applies is the next follow-up.
 */
export type FollowUpInput = {
  /** The last candidate message, else the start, epoch ms. */
  since: number;
  nudgesSent: number;
  maxNudges: number;
  intervalHours: number;
  timeoutHours: number;
};

export type FollowUp = { at: number; kind: 'NUDGE' | 'TIMEOUT' };

const HOUR = 3_600_000;

export function nextFollowUp(input: FollowUpInput): FollowUp {
  const timeout = input.since + input.timeoutHours * HOUR;
  if (input.nudgesSent < input.maxNudges) {
    const nudge = input.since + input.intervalHours * HOUR * (input.nudgesSent + 1);
    if (nudge < timeout) return { at: nudge, kind: 'NUDGE' };
  }
  return { at: timeout, kind: 'TIMEOUT' };
}
