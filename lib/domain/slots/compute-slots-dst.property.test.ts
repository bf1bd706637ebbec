import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSlots } from './compute-slots';
import { computeSlotsNaive } from './naive-reference';
import { offsetChangesNear, propertyZones, slotsInput } from './slot-arbitraries';

const RUNS = 1000;

// 2011 holds Samoa's skipped 30 December; 2025–2026 the current rules of every zone.
const changes = new Map(
  propertyZones.map((zone) => [zone, offsetChangesNear(zone, [2011, 2025, 2026])]),
);
const withChanges = propertyZones.filter((zone) => changes.get(zone)!.length > 0);

describe('computeSlots against the naive reference, around offset changes', () => {
  it(`agrees exactly on ${RUNS} random panels next to DST changes`, () => {
    const anchored = fc
      .constantFrom(...withChanges)
      .chain((zone) => fc.tuple(fc.constant(zone), fc.constantFrom(...changes.get(zone)!)))
      .chain(([zone, anchor]) => slotsInput(zone, anchor));
    fc.assert(
      fc.property(anchored, (input) => {
        expect(computeSlots(input)).toEqual(computeSlotsNaive(input));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
