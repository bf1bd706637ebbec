import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextRetryDelaySeconds, RETRY_DELAYS_SECONDS } from './retry-schedule';

describe('webhook retry schedule', () => {
  it('follows DESIGN §5 without jitter in the middle of the range', () => {
    const delays = Array.from({ length: 9 }, (_, i) => nextRetryDelaySeconds(i + 1, 0.5));
    expect(delays).toEqual([5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400]);
  });

  it('jitters each delay within ±20 % and keeps the first retry within 10 s', () => {
    for (const random of [0, 0.25, 0.999]) {
      RETRY_DELAYS_SECONDS.forEach((base, i) => {
        const delay = nextRetryDelaySeconds(i + 1, random)!;
        expect(delay).toBeGreaterThanOrEqual(Math.floor(base * 0.8));
        expect(delay).toBeLessThanOrEqual(Math.ceil(base * 1.2));
      });
      expect(nextRetryDelaySeconds(1, random)).toBeLessThanOrEqual(10);
    }
  });

  it('stops after the tenth attempt', () => {
    expect(MAX_ATTEMPTS).toBe(10);
    expect(nextRetryDelaySeconds(9, 0.5)).toBe(86400);
    expect(nextRetryDelaySeconds(10, 0.5)).toBeNull();
  });
});
