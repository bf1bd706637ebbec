import { describe, expect, it } from 'vitest';
import { nextBusinessInstant } from './business-hours';

const NY = 'America/New_York';

describe('nextBusinessInstant', () => {
  it('is now during business hours', () => {
    const tuesday11 = Date.UTC(2026, 11, 8, 16, 0); // 11:00 in New York
    expect(nextBusinessInstant(NY, tuesday11)).toBe(tuesday11);
  });

  it('holds an evening message until 09:00 the next weekday', () => {
    const tuesday22 = Date.UTC(2026, 11, 9, 3, 0); // Tue 22:00 in New York
    expect(nextBusinessInstant(NY, tuesday22)).toBe(Date.UTC(2026, 11, 9, 14, 0));
  });

  it('skips the weekend: Friday 18:00 waits for Monday 09:00', () => {
    const friday18 = Date.UTC(2026, 11, 11, 23, 0);
    expect(nextBusinessInstant(NY, friday18)).toBe(Date.UTC(2026, 11, 14, 14, 0));
  });

  it('counts in the candidate’s zone across a clock change', () => {
    // Saturday 2027-03-13, the day before New York springs forward: Monday 09:00 is EDT.
    expect(nextBusinessInstant(NY, Date.UTC(2027, 2, 13, 17, 0))).toBe(
      Date.UTC(2027, 2, 15, 13, 0),
    );
    expect(nextBusinessInstant('Asia/Kolkata', Date.UTC(2026, 11, 8, 2, 0))).toBe(
      Date.UTC(2026, 11, 8, 3, 30),
    );
  });
});
