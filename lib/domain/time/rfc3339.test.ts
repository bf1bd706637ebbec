import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from './rfc3339';

describe('parseRfc3339', () => {
  it('reads UTC and offset timestamps exactly as Date.parse does', () => {
    for (const text of [
      '2026-12-08T14:00:00Z',
      '2026-12-08T14:00:00.250Z',
      '2026-12-08T09:00:00-05:00',
      '2027-03-14T03:30:00+05:45',
      '2024-02-29T23:59:59.999+14:00',
      '1969-12-31T23:59:59Z',
      '2000-01-01T00:00:00.1Z',
    ])
      expect(parseRfc3339(text), text).toBe(Date.parse(text));
  });

  it('agrees with Date.parse on any instant written in any offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (instant, offset) => {
          const local = new Date(instant + offset * 60_000).toISOString().slice(0, 23);
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseRfc3339(`${local}${zone}`)).toBe(instant);
          expect(parseRfc3339(`${local}Z`)).toBe(Date.parse(`${local}Z`));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('leaves other shapes to Date.parse and reads nonsense as NaN', () => {
    expect(parseRfc3339('2026-12-08')).toBe(Date.parse('2026-12-08'));
    expect(parseRfc3339('2026-02-30T10:00:00Z')).toBeNaN();
    expect(parseRfc3339('2026-12-08T25:00:00Z')).toBeNaN();
    expect(parseRfc3339('not a date at all, really')).toBeNaN();
    expect(parseRfc3339('')).toBeNaN();
  });
});
