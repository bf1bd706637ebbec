import { describe, expect, it } from 'vitest';
import {
  clientAddressOf,
  rateLimitHeaders,
  rateLimitOutcome,
  rateLimitWindowStart,
} from './rate-limits';

const at = Date.parse('2026-03-04T14:30:42.500Z');
const windowStart = Date.parse('2026-03-04T14:30:00.000Z');

describe('rate limits', () => {
  it('counts in fixed one-minute windows', () => {
    expect(rateLimitWindowStart(at)).toBe(windowStart);
    expect(rateLimitWindowStart(windowStart)).toBe(windowStart);
    expect(rateLimitWindowStart(windowStart - 1)).toBe(windowStart - 60_000);
  });

  it('allows up to the limit, then refuses until the window ends', () => {
    const ok = rateLimitOutcome([{ limit: 3, count: 3, windowStart }], at);
    expect(ok).toMatchObject({ isLimited: false, limit: 3, remaining: 0 });
    const over = rateLimitOutcome([{ limit: 3, count: 4, windowStart }], at);
    expect(over).toMatchObject({ isLimited: true, remaining: 0, retryAfterSeconds: 18 });
    expect(rateLimitHeaders(over)).toEqual({
      'x-ratelimit-limit': '3',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String((windowStart + 60_000) / 1000),
      'retry-after': '18',
    });
    expect(rateLimitHeaders(ok)['retry-after']).toBeUndefined();
  });

  it('reports the bucket with the fewest requests left, and refuses when any is over', () => {
    const outcome = rateLimitOutcome(
      [
        { limit: 120, count: 10, windowStart },
        { limit: 120, count: 119, windowStart },
      ],
      at,
    );
    expect(outcome).toMatchObject({ isLimited: false, remaining: 1 });
    expect(
      rateLimitOutcome(
        [
          { limit: 120, count: 121, windowStart },
          { limit: 120, count: 1, windowStart },
        ],
        at,
      ).isLimited,
    ).toBe(true);
  });

  it('waits at least a second', () => {
    const end = windowStart + 60_000 - 1;
    expect(rateLimitOutcome([{ limit: 1, count: 2, windowStart }], end).retryAfterSeconds).toBe(1);
  });

  it('believes X-Forwarded-For only as far as the trusted proxies go', () => {
    const forwardedFor = '1.1.1.1, 203.0.113.9';
    expect(clientAddressOf({ peer: '10.0.0.2', forwardedFor, trustedHops: 0 })).toBe('10.0.0.2');
    expect(clientAddressOf({ peer: '10.0.0.2', forwardedFor, trustedHops: 1 })).toBe('203.0.113.9');
    expect(clientAddressOf({ peer: '10.0.0.2', forwardedFor, trustedHops: 2 })).toBe('1.1.1.1');
    // More hops configured than the request went through: the leftmost known address.
    expect(clientAddressOf({ peer: '10.0.0.2', forwardedFor, trustedHops: 5 })).toBe('1.1.1.1');
    expect(clientAddressOf({ peer: '10.0.0.2', forwardedFor: null, trustedHops: 1 })).toBe(
      '10.0.0.2',
    );
    expect(clientAddressOf({ peer: null, forwardedFor: null, trustedHops: 0 })).toBeNull();
  });
});
