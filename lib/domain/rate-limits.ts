/**
 * Rate-limit decisions (DESIGN §2), pure: fixed one-minute windows counted per bucket in the
 * database; here what a count means for the request and its headers. Instants are epoch ms.
 */

export const RATE_LIMIT_WINDOW_MS = 60_000;

/** Start of the one-minute window that holds `now` (epoch ms, UTC). */
export function rateLimitWindowStart(now: number): number {
  return now - (((now % RATE_LIMIT_WINDOW_MS) + RATE_LIMIT_WINDOW_MS) % RATE_LIMIT_WINDOW_MS);
}

export type BucketCount = {
  /** Requests allowed per window. */
  limit: number;
  /** Requests counted in the window so far, this one included. */
  count: number;
  /** Start of the window the database counted in (epoch ms). */
  windowStart: number;
};

export type RateLimitOutcome = {
  isLimited: boolean;
  limit: number;
  remaining: number;
  /** When the window ends (epoch ms). */
  resetAt: number;
  /** Whole seconds until a request may succeed again (≥ 1), for `Retry-After`. */
  retryAfterSeconds: number;
};

/**
 * The outcome of one request counted in every bucket that applies to it (an API key; or a booking
 * token and a client address): limited when any bucket is over its limit; the headers describe
 * the bucket with the fewest requests left.
 */
export function rateLimitOutcome(buckets: BucketCount[], now: number): RateLimitOutcome {
  const tightest = buckets.reduce((a, b) => (b.limit - b.count < a.limit - a.count ? b : a));
  const resetAt = tightest.windowStart + RATE_LIMIT_WINDOW_MS;
  return {
    isLimited: buckets.some((b) => b.count > b.limit),
    limit: tightest.limit,
    remaining: Math.max(0, tightest.limit - tightest.count),
    resetAt,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
  };
}

/** The `x-ratelimit-*` headers (reset in Unix seconds) and, when limited, `Retry-After`. */
export function rateLimitHeaders(outcome: RateLimitOutcome): Record<string, string> {
  return {
    'x-ratelimit-limit': String(outcome.limit),
    'x-ratelimit-remaining': String(outcome.remaining),
    'x-ratelimit-reset': String(Math.ceil(outcome.resetAt / 1000)),
    ...(outcome.isLimited ? { 'retry-after': String(outcome.retryAfterSeconds) } : {}),
  };
}

/**
 * The client's address: the connection's peer, or, behind `trustedHops` reverse proxies that each
 * append the address they received from to `X-Forwarded-For`, the entry that many hops from the
 * right (a client can prepend anything, so nothing further left is believed). Null when unknown.
 */
export function clientAddressOf(params: {
  peer: string | null;
  forwardedFor: string | null;
  trustedHops: number;
}): string | null {
  const peer = params.peer?.trim() || null;
  if (params.trustedHops === 0) return peer;
  const chain = (params.forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (peer) chain.push(peer);
  const index = chain.length - 1 - params.trustedHops;
  return chain[Math.max(0, index)] ?? null;
}
