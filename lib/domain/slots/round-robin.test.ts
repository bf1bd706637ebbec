import { describe, expect, it } from 'vitest';
import { chooseAssignee, freeParticipantsAt } from './round-robin';
import { at, baseRules, busy, span } from './test-helpers';

describe('chooseAssignee', () => {
  const never = { upcomingMeetings: 0, lastBookedAt: null };

  it('takes the free member with the fewest upcoming meetings', () => {
    const loads = [
      { upcomingMeetings: 3, lastBookedAt: 1 },
      { upcomingMeetings: 1, lastBookedAt: 5 },
      { upcomingMeetings: 0, lastBookedAt: 9 },
    ];
    expect(chooseAssignee([0, 1, 2], loads)).toBe(2);
    expect(chooseAssignee([0, 1], loads)).toBe(1);
  });

  it('breaks ties by least recently booked, never booked first, then pool order', () => {
    const loads = [
      { upcomingMeetings: 1, lastBookedAt: at('2026-01-10T10:00:00Z') },
      { upcomingMeetings: 1, lastBookedAt: at('2026-01-09T10:00:00Z') },
      { upcomingMeetings: 1, lastBookedAt: null },
    ];
    expect(chooseAssignee([0, 1], loads)).toBe(1);
    expect(chooseAssignee([0, 1, 2], loads)).toBe(2);
    expect(chooseAssignee([1, 0], [never, never])).toBe(0);
  });

  it('assigns nobody when nobody is free', () => {
    expect(chooseAssignee([], [never])).toBeUndefined();
  });
});

describe('freeParticipantsAt', () => {
  it('lists the members who could take the start alone', () => {
    const input = {
      rules: { ...baseRules, duration: 60, slotInterval: 60 },
      participants: [
        busy(span('2026-01-14T09:00:00Z', '2026-01-14T10:00:00Z')),
        busy(),
        { ...busy(), load: { maxPerDay: 1, meetingStarts: [at('2026-01-14T15:00:00Z')] } },
      ],
      method: 'ROUND_ROBIN' as const,
      now: at('2026-01-13T00:00:00Z'),
      range: { start: at('2026-01-14T00:00:00Z'), end: at('2026-01-15T00:00:00Z') },
    };
    expect(freeParticipantsAt(input, at('2026-01-14T09:00:00Z'))).toEqual([1]);
    expect(freeParticipantsAt(input, at('2026-01-14T10:00:00Z'))).toEqual([0, 1]);
    // Off the grid: nobody.
    expect(freeParticipantsAt(input, at('2026-01-14T10:30:00Z'))).toEqual([]);
  });
});
