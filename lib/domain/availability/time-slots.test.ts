import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyZones } from '../slots/slot-arbitraries';
import { span } from '../slots/test-helpers';
import { mergeIntervals, timeSlotsToIntervals } from './time-slots';

describe('mergeIntervals', () => {
  it('sorts, merges overlapping and touching intervals, drops empty ones', () => {
    const input = [
      { start: 50, end: 60 },
      { start: 10, end: 20 },
      { start: 20, end: 30 },
      { start: 15, end: 25 },
      { start: 40, end: 40 },
      { start: 45, end: 41 },
      { start: 31, end: 35 },
    ];
    const copy = structuredClone(input);
    expect(mergeIntervals(input)).toEqual([
      { start: 10, end: 30 },
      { start: 31, end: 35 },
      { start: 50, end: 60 },
    ]);
    expect(input).toEqual(copy);
    expect(mergeIntervals([])).toEqual([]);
  });

  it('equals a point-by-point union', () => {
    const pair = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 12 }), (pairs) => {
        const intervals = pairs.map(([start, end]) => ({ start, end }));
        const merged = mergeIntervals(intervals);
        for (let x = 0; x <= 60; x++) {
          const inInput = intervals.some((i) => i.start <= x && x < i.end);
          expect(merged.some((i) => i.start <= x && x < i.end)).toBe(inInput);
        }
        for (let k = 1; k < merged.length; k++)
          expect(merged[k]!.start).toBeGreaterThan(merged[k - 1]!.end);
      }),
      { numRuns: 500 },
    );
  });
});

describe('timeSlotsToIntervals', () => {
  it('turns wall-clock slots into merged instants', () => {
    expect(
      timeSlotsToIntervals('America/New_York', [
        { date: '2026-01-15', startTime: '00:00', endTime: '02:00' },
        { date: '2026-01-14', startTime: '22:00', endTime: '24:00' },
        { date: '2026-01-14', startTime: '09:00', endTime: '12:00' },
      ]),
    ).toEqual([
      span('2026-01-14T14:00:00Z', '2026-01-14T17:00:00Z'),
      span('2026-01-15T03:00:00Z', '2026-01-15T07:00:00Z'),
    ]);
  });

  it('gives DST days their real length and drops a slot inside the gap', () => {
    expect(
      timeSlotsToIntervals('America/New_York', [
        { date: '2026-03-08', startTime: '01:00', endTime: '04:00' },
        { date: '2026-03-08', startTime: '02:00', endTime: '02:30' },
        { date: '2026-11-01', startTime: '00:00', endTime: '03:00' },
      ]),
    ).toEqual([
      span('2026-03-08T06:00:00Z', '2026-03-08T08:00:00Z'),
      span('2026-11-01T04:00:00Z', '2026-11-01T08:00:00Z'),
    ]);
    expect(
      timeSlotsToIntervals('Australia/Sydney', [
        { date: '2026-10-04', startTime: '00:00', endTime: '24:00' },
        { date: '2026-04-05', startTime: '00:00', endTime: '24:00' },
      ]),
    ).toEqual([
      span('2026-04-04T13:00:00Z', '2026-04-05T14:00:00Z'),
      span('2026-10-03T14:00:00Z', '2026-10-04T13:00:00Z'),
    ]);
  });

  it('ends a slot at the second pass of a repeated end time, even at the edge of the repeat', () => {
    // New York repeats 01:00–02:00 on 1 November 2026; Havana repeats 00:00–01:00.
    expect(
      timeSlotsToIntervals('America/New_York', [
        { date: '2026-11-01', startTime: '00:00', endTime: '01:00' },
      ]),
    ).toEqual([span('2026-11-01T04:00:00Z', '2026-11-01T06:00:00Z')]);
    expect(
      timeSlotsToIntervals('America/Havana', [
        { date: '2026-10-31', startTime: '23:00', endTime: '24:00' },
      ]),
    ).toEqual([span('2026-11-01T03:00:00Z', '2026-11-01T05:00:00Z')]);
  });

  it('handles slots spread over years', () => {
    expect(
      timeSlotsToIntervals('Asia/Kolkata', [
        { date: '2026-01-14', startTime: '09:00', endTime: '10:00' },
        { date: '2031-06-01', startTime: '09:00', endTime: '10:00' },
      ]),
    ).toEqual([
      span('2026-01-14T03:30:00Z', '2026-01-14T04:30:00Z'),
      span('2031-06-01T03:30:00Z', '2031-06-01T04:30:00Z'),
    ]);
  });

  it('follows the boundary policy on a minute-by-minute scan of the wall clock', () => {
    const minute = fc.integer({ min: 0, max: 1440 });
    const day = fc.integer({
      min: Date.UTC(2011, 0, 1) / 86_400_000,
      max: Date.UTC(2030, 0, 1) / 86_400_000,
    });
    fc.assert(
      fc.property(fc.constantFrom(...propertyZones), day, minute, minute, (zone, d, a, b) => {
        fc.pre(a < b);
        const format = new Intl.DateTimeFormat('sv-SE', {
          timeZone: zone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        });
        const wallOf = (m: number) =>
          new Date(d * 86_400_000 + m * 60_000).toISOString().slice(0, 16).replace('T', ' ');
        const hhmm = (m: number) => (m === 1440 ? '24:00' : wallOf(m).slice(11));
        const instants: number[] = [];
        const readings: string[] = [];
        for (let t = (d - 1) * 86_400_000; t < (d + 3) * 86_400_000; t += 60_000) {
          instants.push(t);
          readings.push(format.format(t));
        }
        // Read twice: first instant for a start, last for an end; never read: the jump after it.
        const boundary = (wall: string, edge: 'start' | 'end') => {
          const exact = edge === 'start' ? readings.indexOf(wall) : readings.lastIndexOf(wall);
          return instants[exact !== -1 ? exact : readings.findIndex((r) => r > wall)]!;
        };
        const first = boundary(wallOf(a), 'start');
        const last = boundary(wallOf(b), 'end');
        const expected = first < last ? [{ start: first, end: last }] : [];
        const date = new Date(d * 86_400_000).toISOString().slice(0, 10);
        expect(
          timeSlotsToIntervals(zone, [{ date, startTime: hhmm(a), endTime: hhmm(b) }]),
        ).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
