import { describe, expect, it } from 'vitest';
import { timeSlotsToIntervals } from '../availability/time-slots';
import { busy, offered, span } from './test-helpers';
import type { SlotParticipant } from './types';

describe('computeSlots: panels across zones', () => {
  // Wednesday 14 January 2026. New York is UTC−5, London UTC+0, Kolkata UTC+5:30.
  const rules = {
    timezone: 'America/New_York',
    openHours: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }],
    duration: 45,
    slotInterval: 15,
  };
  const londonInterviewer: SlotParticipant = {
    freeTime: {
      kind: 'free',
      intervals: timeSlotsToIntervals('Europe/London', [
        { date: '2026-01-14', startTime: '14:00', endTime: '17:00' },
      ]),
    },
    booked: [],
  };
  // Busy 20:30–21:30 in Kolkata is 10:00–11:00 in New York.
  const kolkataManager = busy(
    span('2026-01-14T15:00:00Z', '2026-01-14T16:00:00Z'),
    span('2026-01-13T03:00:00Z', '2026-01-13T04:00:00Z'),
  );
  const day = { from: '2026-01-14T05:00:00Z', to: '2026-01-15T05:00:00Z' };

  it('intersects time slots given in London with a calendar in Kolkata on a New York grid', () => {
    expect(offered({ ...day, rules, participants: [londonInterviewer, kolkataManager] })).toEqual([
      '2026-01-14T14:00:00.000Z',
      '2026-01-14T14:15:00.000Z',
      '2026-01-14T16:00:00.000Z',
      '2026-01-14T16:15:00.000Z',
    ]);
  });

  it('keeps the buffer after a meeting already booked with one panel member', () => {
    const booked = {
      ...londonInterviewer,
      booked: [span('2026-01-14T12:00:00Z', '2026-01-14T13:50:00Z')],
    };
    // With a 15-minute buffer, 14:00Z would start 10 minutes after that meeting ends.
    expect(
      offered({
        ...day,
        rules: { ...rules, bufferMinutes: 15 },
        participants: [booked, kolkataManager],
      }),
    ).toEqual(['2026-01-14T14:15:00.000Z', '2026-01-14T16:00:00.000Z', '2026-01-14T16:15:00.000Z']);
  });

  it("reads time slots on their own zone's DST day, not the meeting zone's", () => {
    // London springs forward on 29 March 2026 (00:00–03:00 is two hours); New York already did.
    const slots = timeSlotsToIntervals('Europe/London', [
      { date: '2026-03-29', startTime: '00:00', endTime: '03:00' },
    ]);
    expect(slots).toEqual([span('2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z')]);
    const evening = {
      ...rules,
      openHours: [{ days: [6], start: '19:00', end: '23:00' }],
      duration: 60,
      slotInterval: 30,
    };
    expect(
      offered({
        from: '2026-03-28T00:00:00Z',
        to: '2026-03-30T00:00:00Z',
        rules: evening,
        participants: [{ freeTime: { kind: 'free', intervals: slots }, booked: [] }],
      }),
    ).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T00:30:00.000Z', '2026-03-29T01:00:00.000Z']);
  });
});
