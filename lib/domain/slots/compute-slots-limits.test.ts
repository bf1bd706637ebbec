import { describe, expect, it } from 'vitest';
import { computeSlots } from './compute-slots';
import { computeSlotsNaive } from './naive-reference';
import { at, baseRules, busy, span, toIso } from './test-helpers';
import type { AvailabilityMethod, ComputeSlotsInput, SlotParticipant, SlotRules } from './types';

type Limits = { maxPerDay?: number | null; maxPerWeek?: number | null; starts: string[] };

const withLoad = (participant: SlotParticipant, limits: Limits): SlotParticipant => ({
  ...participant,
  load: {
    maxPerDay: limits.maxPerDay ?? null,
    maxPerWeek: limits.maxPerWeek ?? null,
    meetingStarts: limits.starts.map(at),
  },
});

/** The engine's starts as ISO strings, checked against the naive reference on the way. */
function offered(params: {
  rules: Partial<SlotRules>;
  participants: SlotParticipant[];
  method?: AvailabilityMethod;
  from: string;
  to: string;
}): string[] {
  const input: ComputeSlotsInput = {
    rules: { ...baseRules, ...params.rules },
    participants: params.participants,
    ...(params.method ? { method: params.method } : {}),
    now: at(params.from) - 86_400_000,
    range: { start: at(params.from), end: at(params.to) },
  };
  const starts = computeSlots(input);
  expect(starts).toEqual(computeSlotsNaive(input));
  return toIso(starts);
}

describe('load limits (DESIGN §4 rule 5)', () => {
  const newYorkMornings = {
    timezone: 'America/New_York',
    openHours: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '08:00', end: '12:00' }],
    duration: 60,
    slotInterval: 60,
  };

  it("counts a meeting on the meeting zone's date, not on UTC's", () => {
    // 23:30 in New York on Wednesday 14 January 2026 is already the 15th in UTC.
    const person = withLoad(busy(), { maxPerDay: 1, starts: ['2026-01-15T04:30:00Z'] });
    expect(
      offered({
        rules: newYorkMornings,
        participants: [person],
        from: '2026-01-14T05:00:00Z',
        to: '2026-01-16T05:00:00Z',
      }),
    ).toEqual([
      '2026-01-15T13:00:00.000Z',
      '2026-01-15T14:00:00.000Z',
      '2026-01-15T15:00:00.000Z',
      '2026-01-15T16:00:00.000Z',
    ]);
  });

  it('is free again below the limit, and a higher limit leaves the day open', () => {
    const starts = ['2026-01-14T13:00:00Z'];
    const search = {
      rules: newYorkMornings,
      from: '2026-01-14T05:00:00Z',
      to: '2026-01-15T05:00:00Z',
    };
    expect(
      offered({ ...search, participants: [withLoad(busy(), { maxPerDay: 2, starts })] }),
    ).toHaveLength(4);
    expect(
      offered({ ...search, participants: [withLoad(busy(), { maxPerDay: 1, starts })] }),
    ).toEqual([]);
  });

  it('counts ISO weeks Monday to Sunday on the meeting zone wall clock', () => {
    // Monday 12 and Wednesday 14 January; the week ends Sunday 18th 24:00 in New York.
    const person = withLoad(busy(), {
      maxPerWeek: 2,
      starts: ['2026-01-12T13:00:00Z', '2026-01-14T13:00:00Z'],
    });
    expect(
      offered({
        rules: newYorkMornings,
        participants: [person],
        from: '2026-01-18T05:00:00Z',
        to: '2026-01-20T05:00:00Z',
      }),
    ).toEqual([
      '2026-01-19T13:00:00.000Z',
      '2026-01-19T14:00:00.000Z',
      '2026-01-19T15:00:00.000Z',
      '2026-01-19T16:00:00.000Z',
    ]);
  });

  it('blocks the whole 25-hour fall-back day in New York (1 November 2026)', () => {
    // 01:30 EST, the second 01:30 of that date.
    const person = withLoad(busy(), { maxPerDay: 1, starts: ['2026-11-01T06:30:00Z'] });
    const starts = offered({
      rules: {
        timezone: 'America/New_York',
        openHours: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '24:00' }],
        duration: 60,
        slotInterval: 60,
      },
      participants: [person],
      from: '2026-11-01T04:00:00Z',
      to: '2026-11-03T05:00:00Z',
    });
    expect(starts[0]).toBe('2026-11-02T05:00:00.000Z');
    expect(starts).toHaveLength(24);
  });

  it('ends a week at local midnight after the spring-forward Sunday in London (29 March 2026)', () => {
    const person = withLoad(busy(), { maxPerWeek: 1, starts: ['2026-03-23T09:00:00Z'] });
    expect(
      offered({
        rules: {
          timezone: 'Europe/London',
          openHours: [
            { days: [0, 1], start: '23:00', end: '24:00' },
            { days: [0, 1], start: '00:00', end: '01:00' },
          ],
          duration: 30,
          slotInterval: 30,
        },
        participants: [person],
        from: '2026-03-29T21:00:00Z',
        to: '2026-03-30T01:00:00Z',
      }),
    ).toEqual(['2026-03-29T23:00:00.000Z', '2026-03-29T23:30:00.000Z']);
  });

  it('counts the southern fall-back week in Sydney (DST ends Sunday 5 April 2026)', () => {
    // Monday 30 March 10:00 AEDT; Sunday 5 April is in that week, Monday 6 April is not.
    const person = withLoad(busy(), { maxPerWeek: 1, starts: ['2026-03-29T23:00:00Z'] });
    expect(
      offered({
        rules: {
          timezone: 'Australia/Sydney',
          openHours: [{ days: [0, 1], start: '09:00', end: '10:00' }],
          duration: 60,
          slotInterval: 60,
        },
        participants: [person],
        from: '2026-04-04T12:00:00Z',
        to: '2026-04-06T12:00:00Z',
      }),
    ).toEqual(['2026-04-05T23:00:00.000Z']);
  });
});

describe('round robin (DESIGN §3, §4)', () => {
  const rules = {
    openHours: [{ days: [3], start: '09:00', end: '12:00' }],
    duration: 60,
    slotInterval: 60,
  };
  const day = { from: '2026-01-14T00:00:00Z', to: '2026-01-15T00:00:00Z' };
  const ana = busy(span('2026-01-14T09:00:00Z', '2026-01-14T10:00:00Z'));
  const ben = busy(span('2026-01-14T10:00:00Z', '2026-01-14T11:00:00Z'));

  it('offers a start when at least one of the pool is free; collective needs all', () => {
    expect(offered({ ...day, rules, participants: [ana, ben], method: 'ROUND_ROBIN' })).toEqual([
      '2026-01-14T09:00:00.000Z',
      '2026-01-14T10:00:00.000Z',
      '2026-01-14T11:00:00.000Z',
    ]);
    expect(offered({ ...day, rules, participants: [ana, ben] })).toEqual([
      '2026-01-14T11:00:00.000Z',
    ]);
  });

  it('leaves out a pool member at their limit', () => {
    const busyAna = withLoad(ana, { maxPerDay: 1, starts: ['2026-01-14T15:00:00Z'] });
    expect(offered({ ...day, rules, participants: [busyAna, ben], method: 'ROUND_ROBIN' })).toEqual(
      ['2026-01-14T09:00:00.000Z', '2026-01-14T11:00:00.000Z'],
    );
  });

  it('offers nothing for an empty pool', () => {
    expect(offered({ ...day, rules, participants: [], method: 'ROUND_ROBIN' })).toEqual([]);
  });
});
