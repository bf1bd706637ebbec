import { describe, expect, it } from 'vitest';
import { span } from '../slots/test-helpers';
import { dateRangeToInterval } from './date-range';

describe('dateRangeToInterval', () => {
  it('covers whole local dates, both inclusive', () => {
    expect(dateRangeToInterval('America/New_York', '2026-01-14', '2026-01-15')).toEqual(
      span('2026-01-14T05:00:00Z', '2026-01-16T05:00:00Z'),
    );
    expect(dateRangeToInterval('Asia/Kathmandu', '2026-01-14', '2026-01-14')).toEqual(
      span('2026-01-13T18:15:00Z', '2026-01-14T18:15:00Z'),
    );
  });

  it('gives DST days 23 and 25 hours, in both hemispheres', () => {
    expect(dateRangeToInterval('America/New_York', '2026-03-08', '2026-03-08')).toEqual(
      span('2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z'),
    );
    expect(dateRangeToInterval('America/New_York', '2026-11-01', '2026-11-01')).toEqual(
      span('2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z'),
    );
    expect(dateRangeToInterval('Australia/Sydney', '2026-04-05', '2026-04-05')).toEqual(
      span('2026-04-04T13:00:00Z', '2026-04-05T14:00:00Z'),
    );
  });

  it('starts a date whose midnight does not exist when the clock jumps', () => {
    expect(dateRangeToInterval('America/Santiago', '2026-09-06', '2026-09-06')).toEqual(
      span('2026-09-06T04:00:00Z', '2026-09-07T03:00:00Z'),
    );
  });

  it('counts a repeated midnight from its first pass, so consecutive ranges tile', () => {
    // Havana repeats 00:00–01:00 on 1 November 2026.
    const saturday = dateRangeToInterval('America/Havana', '2026-10-31', '2026-10-31');
    const sunday = dateRangeToInterval('America/Havana', '2026-11-01', '2026-11-01');
    expect(saturday.end).toBe(sunday.start);
    expect(sunday).toEqual(span('2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z'));
  });

  it('skips a date that did not exist (Samoa, 30 December 2011)', () => {
    expect(dateRangeToInterval('Pacific/Apia', '2011-12-30', '2011-12-30')).toEqual(
      span('2011-12-30T10:00:00Z', '2011-12-30T10:00:00Z'),
    );
    expect(dateRangeToInterval('Pacific/Apia', '2011-12-29', '2011-12-31')).toEqual(
      span('2011-12-29T10:00:00Z', '2011-12-31T10:00:00Z'),
    );
  });

  it('is empty when toDate is before fromDate', () => {
    const range = dateRangeToInterval('UTC', '2026-01-15', '2026-01-14');
    expect(range.end).toBeLessThanOrEqual(range.start);
  });
});
