import { describe, expect, it } from 'vitest';
import { explainNoStarts } from './explain-no-starts';
import { baseRules, free, span } from './test-helpers';
import type { ComputeSlotsInput, SlotParticipant } from './types';

// Monday 12 January 2026, UTC; open 09:00–17:00 every day.
const range = span('2026-01-12T00:00:00Z', '2026-01-19T00:00:00Z');
const now = Date.parse('2026-01-11T12:00:00Z');
const input = (participants: SlotParticipant[], rules = {}): ComputeSlotsInput => ({
  rules: { ...baseRules, ...rules },
  participants,
  now,
  range,
});
const ivy = { name: 'Ivy', isAwaitingReply: false };
const max = { name: 'Max', isAwaitingReply: false };
const morning = free(span('2026-01-13T09:00:00Z', '2026-01-13T12:00:00Z'));
const afternoon = free(span('2026-01-13T13:00:00Z', '2026-01-13T16:00:00Z'));

describe('explainNoStarts', () => {
  it('blames the open hours when no window fits the meeting', () => {
    expect(explainNoStarts(input([], { duration: 600 }), [])).toEqual([
      'The open hours leave no room for a 600-minute meeting on the grid of 30 minutes in the rest of this week.',
    ]);
  });

  it('blames the minimum notice when it pushes every open time out of the week', () => {
    const reasons = explainNoStarts(input([], { minimumNoticeMinutes: 60 * 24 * 10 }), []);
    expect(reasons[0]).toMatch(/^The minimum notice \(14400 minutes\)/);
  });

  it('names a participant who waits for an emailed reply', () => {
    expect(
      explainNoStarts(input([morning, free()]), [ivy, { name: 'Max', isAwaitingReply: true }]),
    ).toEqual([
      'Max is asked for their availability by email: nothing is offered until they reply.',
    ]);
  });

  it('names a participant whose free time lies outside the open hours', () => {
    const night = free(span('2026-01-13T20:00:00Z', '2026-01-13T22:00:00Z'));
    expect(explainNoStarts(input([morning, night]), [ivy, max])).toEqual([
      'Max has no free time inside the open hours this week.',
    ]);
  });

  it('names a participant whose booked meetings fill their free time', () => {
    const booked = { ...morning, booked: [span('2026-01-13T09:00:00Z', '2026-01-13T12:00:00Z')] };
    expect(explainNoStarts(input([booked]), [ivy])).toEqual([
      'Meetings already booked with Ivy fill their free times this week.',
    ]);
  });

  it('says when everyone has time but never at once', () => {
    expect(explainNoStarts(input([morning, afternoon]), [ivy, max])).toEqual([
      'Each participant has free time, but never all of them at once inside the open hours.',
    ]);
  });
});
