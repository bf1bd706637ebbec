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
import {
  acceptApiKey,
  authenticateApiKey,
  presentedApiKey,
  type ApiCaller,
} from '@/lib/server/auth/api-keys';
import { executeRows, type Db } from '@/lib/server/db/client';
import { log } from '@/lib/server/log';

/**
 * The address of the connection, set by Parley's HTTP server (scripts/lib/http-front.mjs) on every
 * request, replacing whatever a client sent under that name.
 */
export const PEER_ADDRESS_HEADER = 'x-parley-peer-address';

export type Bucket = { bucket: string; limit: number };

type Timestamp = string | Date;
type KeyAndCount = {
  id: string;
  organization_id: string;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
  count: number | null;
  window_start: Timestamp | null;
};
const dateOrNull = (value: Timestamp | null) => (value === null ? null : new Date(value));

/**
 * The caller of an authenticated request and its API key's count in the current window, in one
 * statement: the key looked up by its hash and its counter upserted (DESIGN §2), so the limit
 * adds no round trip to the request. Unauthorized as authenticateApiKey.
 */
export async function authenticateAndCount(
  db: Db,
  headers: Headers,
  now: Date,
): Promise<{ caller: ApiCaller; limits: RateLimitOutcome | null }> {
  const limit = env().PARLEY_API_RATE_LIMIT;
  if (limit === 0) return { caller: await authenticateApiKey(db, headers, now), limits: null };
  const { keyHash, organizationId } = presentedApiKey(headers);
  const windowStart = new Date(rateLimitWindowStart(now.getTime())).toISOString();
  const [row] = await executeRows<KeyAndCount>(
    db,
    sql`with found as (
          select id, organization_id, expires_at, revoked_at, last_used_at
          from api_keys where key_hash = ${keyHash} limit 1
        ), counted as (
          insert into rate_limits (bucket, window_start, count)
          select 'key:' || found.id, ${windowStart}::timestamptz, 1 from found
          ${upsertCount}
          returning count, window_start
        )
        select found.*, counted.count, counted.window_start from found left join counted on true`,
  );
  const caller = acceptApiKey(
    db,
    row && {
      id: row.id,
      organizationId: row.organization_id,
      expiresAt: dateOrNull(row.expires_at),
      revokedAt: dateOrNull(row.revoked_at),
      lastUsedAt: dateOrNull(row.last_used_at),
    },
    organizationId,
    now,
  );
  sweepOldWindows(db, now);
  const counted = row?.window_start ?? null;
  const limits =
    counted === null
      ? null
      : rateLimitOutcome(
          [{ limit, count: Number(row!.count), windowStart: new Date(counted).getTime() }],
          now.getTime(),
        );
  return { caller, limits };
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
 * A window that has ended starts again at 1; an instance whose clock is a little behind counts in
 * the newer window.
 */
const upsertCount = sql.raw(`on conflict (bucket) do update set
  count = case when excluded.window_start > rate_limits.window_start then 1
               else rate_limits.count + 1 end,
  window_start = greatest(rate_limits.window_start, excluded.window_start)`);

/**
 * Counts this request in each bucket's current window and says whether it may proceed: one
 * statement (an atomic upsert per bucket) on the database every instance shares. Null when no
 * limit applies.
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
        ${upsertCount}
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
