import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockedStarts } from './participant-spans';
import { has, spansOf } from './test-helpers';
import type { Interval } from './types';

const MINUTE = 60_000;

/**
 * The definition, one candidate start at a time: t is blocked when a busy period meets
 * [t, t + duration) or a booked meeting meets [t − buffer, t + duration + buffer).
 */
function isBlocked(
  t: number,
  busy: Interval[],
  booked: Interval[],
  duration: number,
  buffer: number,
) {
  const meets = (i: Interval, from: number, to: number) =>
    i.start < i.end && i.start < to && from < i.end;
  return (
    busy.some((i) => meets(i, t, t + duration)) ||
    booked.some((i) => meets(i, t - buffer, t + duration + buffer))
  );
}

describe('blockedStarts', () => {
  // Minutes on a small scale, so that spans crowd into one bucket of the index and sit on its
  // edges; intervals reach past the candidates on both sides.
  const minute = fc.integer({ min: -300, max: 3_000 });
  const interval = fc
    .tuple(minute, fc.integer({ min: -5, max: 120 }))
    .map(([start, length]): Interval => ({
      start: start * MINUTE,
      end: (start + length) * MINUTE,
    }));
  const candidate = fc.tuple(fc.integer({ min: 0, max: 2_800 }), fc.integer({ min: 1, max: 240 }));

  it('blocks exactly the candidate starts the definition blocks', () => {
    fc.assert(
      fc.property(
        fc.array(candidate, { minLength: 1, maxLength: 40 }),
        fc.array(interval, { maxLength: 60 }),
        fc.array(interval, { maxLength: 10 }),
        fc.constantFrom(15, 30, 45),
        fc.constantFrom(0, 10),
        (windows, busy, booked, durationMinutes, bufferMinutes) => {
          const candidates = spansOf(
            windows.map(([start, length]) => [start * MINUTE, (start + length) * MINUTE]),
          );
          const duration = durationMinutes * MINUTE;
          const buffer = bufferMinutes * MINUTE;
          const blocked = blockedStarts(
            [{ freeTime: { kind: 'busy', intervals: busy }, booked }],
            duration,
            buffer,
            candidates,
          );
          for (let i = 0; i < candidates.length; i++) {
            for (let t = candidates.starts[i]!; t < candidates.ends[i]!; t += MINUTE) {
              expect(has(blocked, t), `t = ${t / MINUTE} min`).toBe(
                isBlocked(t, busy, booked, duration, buffer),
              );
              // Just before a minute: whole ms in between are judged the same way.
              if (t > candidates.starts[i]!) {
                expect(has(blocked, t - 1)).toBe(isBlocked(t - 1, busy, booked, duration, buffer));
              }
            }
          }
        },
      ),
    );
  });

  it('handles unbounded and fractional busy periods, and spans of one candidate', () => {
    const candidates = spansOf([[10 * MINUTE, 70 * MINUTE]]);
    const busy: Interval[] = [
      { start: -Infinity, end: 12.5 * MINUTE },
      { start: 60 * MINUTE + 0.25, end: Infinity },
    ];
    const blocked = blockedStarts(
      [{ freeTime: { kind: 'busy', intervals: busy }, booked: [] }],
      30 * MINUTE,
      0,
      candidates,
    );
    expect(has(blocked, 12.5 * MINUTE - 1)).toBe(true);
    expect(has(blocked, 12.5 * MINUTE)).toBe(false);
    expect(has(blocked, 30 * MINUTE)).toBe(false);
    expect(has(blocked, 30 * MINUTE + 1)).toBe(true);
  });
});
