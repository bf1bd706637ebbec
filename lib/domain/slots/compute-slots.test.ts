import { describe, expect, it } from 'vitest';
import { computeSlots } from './compute-slots';
import { baseRules, busy, free, offered, span } from './test-helpers';

// Monday 12 January 2026; Europe/Paris is UTC+1 in winter.
const monday = { from: '2026-01-12T00:00:00Z', to: '2026-01-13T00:00:00Z' };
const paris = {
  timezone: 'Europe/Paris',
  openHours: [{ days: [1], start: '09:00', end: '12:00' }],
};

describe('computeSlots: open hours and grid', () => {
  it('offers every grid start whose meeting fits the window', () => {
    expect(offered({ ...monday, rules: { ...paris, duration: 60, slotInterval: 30 } })).toEqual([
      '2026-01-12T08:00:00.000Z',
      '2026-01-12T08:30:00.000Z',
      '2026-01-12T09:00:00.000Z',
      '2026-01-12T09:30:00.000Z',
      '2026-01-12T10:00:00.000Z',
    ]);
  });

  it('reads weekdays in the meeting zone, not in UTC', () => {
    const tuesdayOnly = { ...paris, openHours: [{ days: [2], start: '00:00', end: '01:00' }] };
    // Tuesday 00:00 in Paris is Monday 23:00 UTC.
    expect(offered({ ...monday, rules: { ...tuesdayOnly, duration: 60 } })).toEqual([
      '2026-01-12T23:00:00.000Z',
    ]);
  });

  it('keeps the grid anchored at local midnight when it does not divide the window', () => {
    const rules = {
      ...paris,
      openHours: [{ days: [1], start: '09:00', end: '10:10' }],
      duration: 30,
      slotInterval: 20,
    };
    // 09:40 + 30 min ends exactly at 10:10; 10:00 would end at 10:30.
    expect(offered({ ...monday, rules })).toEqual([
      '2026-01-12T08:00:00.000Z',
      '2026-01-12T08:20:00.000Z',
      '2026-01-12T08:40:00.000Z',
    ]);
  });

  it('restarts a grid that does not divide the day at each local midnight', () => {
    const rules = {
      openHours: [
        { days: [1], start: '23:50', end: '24:00' },
        { days: [2], start: '00:00', end: '00:20' },
      ],
      duration: 5,
      slotInterval: 7,
    };
    // 23:55 is 1435 = 7 · 205 minutes after midnight; the next start is 00:00, not 00:02.
    expect(offered({ ...monday, to: '2026-01-14T00:00:00Z', rules })).toEqual([
      '2026-01-12T23:55:00.000Z',
      '2026-01-13T00:00:00.000Z',
      '2026-01-13T00:07:00.000Z',
      '2026-01-13T00:14:00.000Z',
    ]);
  });

  it('offers a meeting ending exactly at the window end, not one a minute longer', () => {
    const window = { openHours: [{ days: [1], start: '09:00', end: '10:00' }], slotInterval: 60 };
    expect(offered({ ...monday, rules: { ...window, duration: 60 } })).toEqual([
      '2026-01-12T09:00:00.000Z',
    ]);
    expect(offered({ ...monday, rules: { ...window, duration: 61 } })).toEqual([]);
  });

  it('treats "24:00" as the end of the day', () => {
    const rules = { openHours: [{ days: [1], start: '22:00', end: '24:00' }], duration: 60 };
    expect(offered({ ...monday, to: '2026-01-14T00:00:00Z', rules })).toEqual([
      '2026-01-12T22:00:00.000Z',
      '2026-01-12T22:30:00.000Z',
      '2026-01-12T23:00:00.000Z',
    ]);
  });

  it('does not join touching or overlapping windows: a meeting fits inside one', () => {
    const rules = {
      openHours: [
        { days: [1], start: '09:00', end: '10:00' },
        { days: [1], start: '10:00', end: '11:00' },
        { days: [1], start: '10:30', end: '11:30' },
      ],
      duration: 60,
    };
    expect(offered({ ...monday, rules })).toEqual([
      '2026-01-12T09:00:00.000Z',
      '2026-01-12T10:00:00.000Z',
      '2026-01-12T10:30:00.000Z',
    ]);
  });

  it('lets a window of Monday run into Tuesday with "24:00" and one starting at 00:00', () => {
    const rules = {
      openHours: [
        { days: [1], start: '23:00', end: '24:00' },
        { days: [2], start: '00:00', end: '01:00' },
      ],
      duration: 60,
      slotInterval: 30,
    };
    expect(offered({ ...monday, to: '2026-01-14T00:00:00Z', rules })).toEqual([
      '2026-01-12T23:00:00.000Z',
      '2026-01-13T00:00:00.000Z',
    ]);
  });
});

describe('computeSlots: notice, horizon, range and limit', () => {
  const rules = { openHours: [{ days: [1], start: '09:00', end: '12:00' }], slotInterval: 60 };

  it('applies minimum notice to the millisecond', () => {
    const notice = { ...rules, minimumNoticeMinutes: 60 };
    expect(offered({ ...monday, now: '2026-01-12T09:00:00.000Z', rules: notice })[0]).toBe(
      '2026-01-12T10:00:00.000Z',
    );
    expect(offered({ ...monday, now: '2026-01-12T09:00:00.001Z', rules: notice })[0]).toBe(
      '2026-01-12T11:00:00.000Z',
    );
  });

  it('excludes a start exactly at the horizon and includes it a millisecond later', () => {
    const horizon = { ...rules, bookingHorizonDays: 1 };
    expect(offered({ ...monday, now: '2026-01-11T10:00:00.000Z', rules: horizon })).toEqual([
      '2026-01-12T09:00:00.000Z',
    ]);
    expect(offered({ ...monday, now: '2026-01-11T10:00:00.001Z', rules: horizon })).toEqual([
      '2026-01-12T09:00:00.000Z',
      '2026-01-12T10:00:00.000Z',
    ]);
  });

  it('filters starts by range, start inclusive and end exclusive, letting meetings run past it', () => {
    expect(offered({ from: '2026-01-12T10:00:00Z', to: '2026-01-12T11:00:00Z', rules })).toEqual([
      '2026-01-12T10:00:00.000Z',
    ]);
  });

  it('stops after `limit` starts', () => {
    expect(offered({ ...monday, rules, limit: 1 })).toEqual(['2026-01-12T09:00:00.000Z']);
    expect(offered({ ...monday, rules, limit: 0 })).toEqual([]);
    expect(offered({ ...monday, rules, limit: 10 })).toHaveLength(3);
  });

  it('returns nothing for an empty or inverted range', () => {
    expect(offered({ from: '2026-01-12T10:00:00Z', to: '2026-01-12T10:00:00Z', rules })).toEqual(
      [],
    );
    expect(offered({ from: '2026-01-12T11:00:00Z', to: '2026-01-12T10:00:00Z', rules })).toEqual(
      [],
    );
  });

  it('rejects malformed rules and unknown zones', () => {
    const input = { participants: [], now: 0, range: { start: 0, end: 86_400_000 } };
    expect(() => computeSlots({ ...input, rules: { ...baseRules, slotInterval: 0 } })).toThrow(
      RangeError,
    );
    expect(() =>
      computeSlots({ ...input, rules: { ...baseRules, timezone: 'Mars/Base' } }),
    ).toThrow(RangeError);
  });
});

describe('computeSlots: participants', () => {
  const rules = { openHours: [{ days: [1], start: '09:00', end: '12:00' }], duration: 30 };

  it('needs every participant: zero participants means open hours alone', () => {
    expect(offered({ ...monday, rules })).toHaveLength(6);
  });

  it('offers nothing for a free-time participant without intervals', () => {
    expect(offered({ ...monday, rules, participants: [free()] })).toEqual([]);
  });

  it('joins touching and overlapping free intervals, but not ones a millisecond apart', () => {
    const touching = free(
      span('2026-01-12T09:00:00Z', '2026-01-12T09:20:00Z'),
      span('2026-01-12T09:20:00Z', '2026-01-12T09:40:00Z'),
      span('2026-01-12T09:10:00Z', '2026-01-12T10:00:00Z'),
    );
    expect(offered({ ...monday, rules, participants: [touching] })).toEqual([
      '2026-01-12T09:00:00.000Z',
      '2026-01-12T09:30:00.000Z',
    ]);
    const apart = free(
      span('2026-01-12T09:00:00Z', '2026-01-12T09:15:00Z'),
      span('2026-01-12T09:15:00.001Z', '2026-01-12T10:00:00Z'),
    );
    expect(offered({ ...monday, rules, participants: [apart] })).toEqual([
      '2026-01-12T09:30:00.000Z',
    ]);
  });

  it('lets a meeting touch a busy period but not overlap it; empty busy periods block nothing', () => {
    const calendar = busy(
      span('2026-01-12T10:00:00Z', '2026-01-12T10:30:00Z'),
      span('2026-01-12T11:00:00Z', '2026-01-12T11:00:00Z'),
      span('2026-01-12T11:40:00Z', '2026-01-12T11:40:00.001Z'),
    );
    expect(offered({ ...monday, rules, participants: [calendar] })).toEqual([
      '2026-01-12T09:00:00.000Z',
      '2026-01-12T09:30:00.000Z',
      '2026-01-12T10:30:00.000Z',
      '2026-01-12T11:00:00.000Z',
    ]);
  });

  it('keeps the buffer around booked meetings; a meeting ending exactly at t − buffer is fine', () => {
    const participant = {
      ...busy(),
      booked: [span('2026-01-12T10:00:00Z', '2026-01-12T11:00:00Z')],
    };
    const withBuffer = { ...rules, slotInterval: 15, bufferMinutes: 15 };
    // Blocked: t − 15 < 11:00 and t + 30 + 15 > 10:00, i.e. 09:15 < t < 11:15.
    expect(offered({ ...monday, rules: withBuffer, participants: [participant] })).toEqual([
      '2026-01-12T09:00:00.000Z',
      '2026-01-12T09:15:00.000Z',
      '2026-01-12T11:15:00.000Z',
      '2026-01-12T11:30:00.000Z',
    ]);
  });

  it('applies booked meetings and buffers to free-time participants too', () => {
    const participant = {
      ...free(span('2026-01-12T09:00:00Z', '2026-01-12T12:00:00Z')),
      booked: [span('2026-01-12T10:00:00Z', '2026-01-12T10:30:00Z')],
    };
    expect(
      offered({ ...monday, rules: { ...rules, bufferMinutes: 30 }, participants: [participant] }),
    ).toEqual(['2026-01-12T09:00:00.000Z', '2026-01-12T11:00:00.000Z', '2026-01-12T11:30:00.000Z']);
  });

  it('works to the millisecond and below', () => {
    const oneMsOver = busy(span('2026-01-12T09:00:00Z', '2026-01-12T09:30:00.001Z'));
    expect(offered({ ...monday, rules, participants: [oneMsOver] })[0]).toBe(
      '2026-01-12T10:00:00.000Z',
    );
    const end = Date.parse('2026-01-12T09:30:00Z');
    const fractionOver = busy({ start: end - 1_800_000, end: end + 0.25 });
    expect(offered({ ...monday, rules, participants: [fractionOver] })[0]).toBe(
      '2026-01-12T10:00:00.000Z',
    );
    const fractionShort = free({ start: end - 0.25, end: end + 1_800_000 });
    expect(offered({ ...monday, rules, participants: [fractionShort] })).toEqual([
      '2026-01-12T09:30:00.000Z',
    ]);
  });
});
