import 'server-only';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  clientAddressOf,
  rateLimitOutcome,
  rateLimitWindowStart,
  RATE_LIMIT_WINDOW_MS,
  type RateLimitOutcome,
} from '@/lib/domain/rate-limits';
import { env } from '@/lib/env';
import { executeRows, type Db } from '@/lib/server/db/client';
import { log } from '@/lib/server/log';

/**
 * The address of the connection, set by Parley's HTTP server (scripts/lib/http-front.mjs) on every
 * request, replacing whatever a client sent under that name.
 */
export const PEER_ADDRESS_HEADER = 'x-parley-peer-address';

export type Bucket = { bucket: string; limit: number };

/** The bucket of an API key (the authenticated API), or none when that limit is off. */
export function apiKeyBuckets(apiKeyId: string): Bucket[] {
  const limit = env().PARLEY_API_RATE_LIMIT;
  return limit > 0 ? [{ bucket: `key:${apiKeyId}`, limit }] : [];
}

/** The client address's bucket and, on a booking endpoint, the token's (the public limit). */
export function publicBuckets(headers: Headers, token: string | undefined): Bucket[] {
  const limit = env().PARLEY_PUBLIC_RATE_LIMIT;
  if (limit === 0) return [];
  const buckets = [{ bucket: `address:${clientAddress(headers)}`, limit }];
  if (token !== undefined) buckets.push({ bucket: `token:${digest(token)}`, limit });
  return buckets;
}

export function clientAddress(headers: Headers): string {
  const address = clientAddressOf({
    peer: headers.get(PEER_ADDRESS_HEADER),
    forwardedFor: headers.get('x-forwarded-for'),
    trustedHops: env().PARLEY_TRUST_PROXY_HOPS,
  });
  // Under a server that does not say (`next dev`), every client shares one address.
  return (address ?? 'unknown').replace(/^::ffff:(?=\d+\.)/, '').slice(0, 64);
}

/** Tokens are credentials: the counters keep a digest of them, never the token. */
function digest(token: string): string {
  return createHash('sha256').update(token).digest('base64url').slice(0, 22);
}

/**
 * Counts this request in each bucket's current window and says whether it may proceed: one
 * statement (an atomic upsert per bucket) on the database every instance shares. A window that
 * has ended starts again at 1; an instance whose clock is a little behind counts in the newer
 * window. Null when no limit applies.
 */
export async function hitRateLimit(
  db: Db,
  buckets: Bucket[],
  now: Date,
): Promise<RateLimitOutcome | null> {
  if (buckets.length === 0) return null;
  // An ISO string: drizzle hands postgres.js its parameters unserialised.
  const windowStart = new Date(rateLimitWindowStart(now.getTime())).toISOString();
  const values = sql.join(
    buckets.map((b) => sql`(${b.bucket}, ${windowStart}::timestamptz, 1)`),
    sql`, `,
  );
  const rows = await executeRows<{ bucket: string; count: number; window_start: string | Date }>(
    db,
    sql`insert into rate_limits (bucket, window_start, count) values ${values}
        on conflict (bucket) do update set
          count = case when excluded.window_start > rate_limits.window_start then 1
                       else rate_limits.count + 1 end,
          window_start = greatest(rate_limits.window_start, excluded.window_start)
        returning bucket, count, window_start`,
  );
  sweepOldWindows(db, now);
  const limitOf = new Map(buckets.map((b) => [b.bucket, b.limit]));
  return rateLimitOutcome(
    rows.map((row) => ({
      limit: limitOf.get(row.bucket) ?? 0,
      count: Number(row.count),
      windowStart: new Date(row.window_start).getTime(),
    })),
    now.getTime(),
  );
}

const store = globalThis as typeof globalThis & { __parleyRateLimitSweep?: number };

/** At most once a minute per process: rows of windows that ended are of no use to anyone. */
function sweepOldWindows(db: Db, now: Date): void {
  const at = now.getTime();
  if (store.__parleyRateLimitSweep !== undefined && at - store.__parleyRateLimitSweep < 60_000) {
    return;
  }
  store.__parleyRateLimitSweep = at;
  const before = new Date(rateLimitWindowStart(at) - RATE_LIMIT_WINDOW_MS).toISOString();
  void db
    .execute(sql`delete from rate_limits where window_start < ${before}::timestamptz`)
    .catch((error: unknown) => log.warn('rate limit sweep failed', { error }));
}
