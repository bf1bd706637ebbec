import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSlots } from './compute-slots';
import { computeSlotsNaive } from './naive-reference';
import { propertyZones, slotsInput } from './slot-arbitraries';

const RUNS = 1000;

describe('computeSlots against the naive reference, random dates 2011–2030', () => {
  it(`agrees exactly on ${RUNS} random panels`, () => {
    const anchored = fc
      .tuple(
        fc.constantFrom(...propertyZones),
        fc.integer({ min: Date.UTC(2011, 0, 1), max: Date.UTC(2030, 11, 31) }),
      )
      .chain(([zone, anchor]) => slotsInput(zone, anchor));
    fc.assert(
      fc.property(anchored, (input) => {
        expect(computeSlots(input)).toEqual(computeSlotsNaive(input));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
