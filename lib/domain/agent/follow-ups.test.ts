import { describe, expect, it } from 'vitest';
import { nextFollowUp } from './follow-ups';

const since = Date.UTC(2026, 11, 7, 15, 0);
const HOUR = 3_600_000;

describe('nextFollowUp', () => {
  it('nudges interval hours apart, then times out', () => {
    const base = { since, maxNudges: 2, intervalHours: 24, timeoutHours: 72 };
    expect(nextFollowUp({ ...base, nudgesSent: 0 })).toEqual({
      at: since + 24 * HOUR,
      kind: 'NUDGE',
    });
    expect(nextFollowUp({ ...base, nudgesSent: 1 })).toEqual({
      at: since + 48 * HOUR,
      kind: 'NUDGE',
    });
    expect(nextFollowUp({ ...base, nudgesSent: 2 })).toEqual({
      at: since + 72 * HOUR,
      kind: 'TIMEOUT',
    });
  });

  it('never nudges after the timeout', () => {
    expect(
      nextFollowUp({ since, nudgesSent: 1, maxNudges: 5, intervalHours: 24, timeoutHours: 48 }),
    ).toEqual({ at: since + 48 * HOUR, kind: 'TIMEOUT' });
  });

  it('with no nudges, only the timeout', () => {
    expect(
      nextFollowUp({ since, nudgesSent: 0, maxNudges: 0, intervalHours: 24, timeoutHours: 48 }),
    ).toEqual({ at: since + 48 * HOUR, kind: 'TIMEOUT' });
  });
});
