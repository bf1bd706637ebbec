import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromStartRuns, toStartRuns } from './start-runs';

const MINUTE = 60_000;

describe('start runs', () => {
  it('writes a day on the grid as one run, and gives every start back', () => {
    const day = Array.from({ length: 16 }, (_, i) => Date.UTC(2026, 2, 4, 14) + i * 30 * MINUTE);
    const nextDay = day.map((t) => t + 86_400_000);
    const starts = [...day, ...nextDay];
    expect(toStartRuns(starts)).toEqual([
      [day[0], 30 * MINUTE, 16],
      [nextDay[0], 30 * MINUTE, 16],
    ]);
    expect(fromStartRuns(toStartRuns(starts))).toEqual(starts);
    expect(toStartRuns([])).toEqual([]);
    expect(toStartRuns([5])).toEqual([[5, 0, 1]]);
  });

  it('round-trips any ascending list of starts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 300 }), (gaps) => {
        let t = Date.UTC(2026, 0, 1);
        const starts = gaps.map((gap) => (t += gap * 5 * MINUTE));
        expect(fromStartRuns(toStartRuns(starts))).toEqual(starts);
      }),
    );
  });
});
