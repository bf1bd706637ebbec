import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortIntegers } from './integer-sort';
import { intersectSpans, subtractSpans, unionSpans } from './spans';
import { has, spansOf } from './test-helpers';

const pairs = fc.array(fc.tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 80 })), {
  maxLength: 15,
});

describe('sortIntegers', () => {
  it('sorts like the native numeric sort, for small, wide and non-integer inputs', () => {
    const value = fc.oneof(
      fc.integer({ min: 0, max: 5000 }),
      fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }),
      fc.maxSafeInteger(),
      fc.double({ noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 60, maxLength: 400 }), (values) => {
        const ours = Float64Array.from(values);
        sortIntegers(ours);
        expect(Array.from(ours)).toEqual(Array.from(Float64Array.from(values).sort()));
      }),
      { numRuns: 500 },
    );
  });

  it('sorts 100,000 epoch-ms values spread over a year', () => {
    let seed = 7;
    const values = Float64Array.from({ length: 100_000 }, () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return 1_767_225_600_000 + (seed % 31_536_000) * 1000 + (seed % 997);
    });
    const expected = values.slice().sort();
    sortIntegers(values);
    expect(values.every((value, i) => value === expected[i])).toBe(true);
  });
});

describe('span sets', () => {
  it('union, intersection and difference agree point by point', () => {
    fc.assert(
      fc.property(pairs, pairs, (left, right) => {
        const a = spansOf(left);
        const b = spansOf(right);
        const both = intersectSpans(a, b);
        const only = subtractSpans(a, b);
        const either = unionSpans(a, spansOf(right));
        for (let x = -1; x <= 81; x++) {
          const inA = left.some(([s, e]) => s <= x && x < e);
          const inB = right.some(([s, e]) => s <= x && x < e);
          expect(has(a, x)).toBe(inA);
          expect(has(both, x)).toBe(inA && inB);
          expect(has(only, x)).toBe(inA && !inB);
          expect(has(either, x)).toBe(inA || inB);
        }
        for (const set of [a, both, only, either]) {
          for (let k = 1; k < set.length; k++)
            expect(set.starts[k]!).toBeGreaterThan(set.ends[k - 1]!);
        }
      }),
      { numRuns: 300 },
    );
  });
});
