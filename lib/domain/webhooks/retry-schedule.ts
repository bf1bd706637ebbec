/**
 * Delays before each retry of a webhook delivery (DESIGN §5): about 5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h, 14 h, 20 h and 24 h — ten attempts over roughly three days.
 */
export const RETRY_DELAYS_SECONDS = [
  5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400,
] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/**
 * Seconds to wait after attempt number `attemptsMade` (1-based) failed, or null when it was the
 * last. `random` in [0, 1) spreads retries ±20 % so endpoints that failed together do not get
 * their retries together (the first retry stays within 4–6 s).
 */
export function nextRetryDelaySeconds(attemptsMade: number, random: number): number | null {
  const base = RETRY_DELAYS_SECONDS[attemptsMade - 1];
  if (base === undefined) return null;
  return Math.max(1, Math.round(base * (0.8 + 0.4 * random)));
}
