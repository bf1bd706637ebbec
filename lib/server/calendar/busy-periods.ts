import 'server-only';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { env } from '@/lib/env';
import type { Interval } from '@/lib/domain/slots/types';
import { afterResponse } from '@/lib/server/after-response';
import type { Db } from '@/lib/server/db/client';
import { busyPeriodCache } from '@/lib/server/db/schema/calendars';
import { log } from '@/lib/server/log';
import { markNeedsReconnect } from './connection-health';
import { clientFor, findLiveConnections, type ConnectionRow } from './connections';
import { CalendarAuthError, type BusyInterval } from './types';

/**
 * Busy periods of connected calendars by participant email. `null` means the calendar's answer is
 * unknown (provider down, reconnect needed, no recent answer): that participant offers nothing —
 * a calendar that does not answer is busy, never free (DESIGN §6).
 */
export type CalendarBusy = Map<string, BusyInterval[] | null>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A cached answer this young is still served (while a refresh runs) when it is past its TTL. */
const STALE_SERVE_MS = HOUR;
/** A refresh claimed longer ago than this is taken to have died with its process. */
const REFRESH_CLAIM_MS = 60_000;
/** The widest window one fetch covers. */
const MAX_WINDOW_MS = 400 * DAY;

type CacheRow = typeof busyPeriodCache.$inferSelect;

export type BusyRequest = {
  organizationId: string;
  /** The calendar-connected participants' emails. */
  emails: string[];
  /** What the caller needs (epoch ms). */
  range: Interval;
  now: Date;
  /**
   * `cached`: page views and slot lists — a recent answer is reused and refreshed in the
   * background. `fresh`: the check before booking — the provider is asked for `range` now.
   */
  mode: 'cached' | 'fresh';
  /** How far ahead a cache fill should reach (the booking horizon), days. */
  horizonDays?: number;
};

export async function loadCalendarBusy(db: Db, request: BusyRequest): Promise<CalendarBusy> {
  const result: CalendarBusy = new Map(request.emails.map((e) => [e, null]));
  const connections = await findLiveConnections(db, request);
  if (connections.size === 0) return result;
  const real = [...connections.values()].filter((c) => c.provider !== 'DEV');
  const cache =
    request.mode === 'cached' && real.length > 0
      ? await loadCacheRows(
          db,
          request.organizationId,
          real.map((c) => c.id),
        )
      : new Map<string, CacheRow>();
  await Promise.all(
    [...connections.values()].map(async (connection) => {
      const busy = await busyOf(db, connection, cache.get(connection.id), request);
      result.set(connection.email, busy && clip(busy, request.range));
    }),
  );
  return result;
}

async function busyOf(
  db: Db,
  connection: ConnectionRow,
  cached: CacheRow | undefined,
  request: BusyRequest,
): Promise<BusyInterval[] | null> {
  const { range, now } = request;
  if (connection.provider === 'DEV') {
    // The dev calendar lives in this database: read it directly, no cache needed.
    return fetchBusy(db, connection, range, now);
  }
  if (request.mode === 'fresh') {
    if (connection.status !== 'CONNECTED') return null;
    return fetchBusy(db, connection, range, now);
  }
  const age = cached ? now.getTime() - cached.fetchedAt.getTime() : Infinity;
  const covers =
    cached !== undefined &&
    cached.windowStart.getTime() <= range.start &&
    cached.windowEnd.getTime() >= range.end;
  if (covers && age <= env().PARLEY_BUSY_CACHE_SECONDS * 1000) return toIntervals(cached.busy);
  if (covers && age < STALE_SERVE_MS) {
    if (connection.status === 'CONNECTED') {
      afterResponse(() => refreshInBackground(db, connection, windowFor(request), now));
    }
    return toIntervals(cached.busy);
  }
  if (connection.status !== 'CONNECTED') return null;
  const unwritten = unwrittenFills.get(connection.id);
  if (
    unwritten &&
    unwritten.window.start <= range.start &&
    unwritten.window.end >= range.end &&
    now.getTime() - unwritten.fetchedAt.getTime() <= env().PARLEY_BUSY_CACHE_SECONDS * 1000
  )
    return unwritten.busy;
  const window = windowFor(request);
  const busy = await fetchBusy(db, connection, window, now);
  // The answer is served first and cached once the response is out (its serialization and write
  // are not on the view's path). Until the write lands, this process serves it from memory.
  if (busy) {
    unwrittenFills.set(connection.id, { window, busy, fetchedAt: now });
    afterResponse(() => cacheQuietly(db, connection, window, busy, now));
  }
  return busy;
}

/** Fills fetched by this process whose cache write has not landed yet, by connection id. */
const unwrittenFills = new Map<
  string,
  { window: Interval; busy: BusyInterval[]; fetchedAt: Date }
>();

async function cacheQuietly(
  db: Db,
  connection: ConnectionRow,
  window: Interval,
  busy: BusyInterval[],
  fetchedAt: Date,
): Promise<void> {
  try {
    await storeCache(db, connection, window, busy, fetchedAt);
  } catch (error) {
    log.warn('busy periods could not be cached', {
      connectionId: connection.id,
      error: (error as Error).message,
    });
  } finally {
    if (unwrittenFills.get(connection.id)?.busy === busy) unwrittenFills.delete(connection.id);
  }
}

/** What one fill covers: from two days back (any zone's "today") to the horizon, at least `range`. */
function windowFor(request: BusyRequest): Interval {
  const now = request.now.getTime();
  const start = Math.min(request.range.start, Math.floor(now / DAY) * DAY - 2 * DAY);
  const horizon = now + (request.horizonDays ?? 62) * DAY;
  const end = Math.min(Math.max(request.range.end, horizon), start + MAX_WINDOW_MS);
  return { start, end: Math.max(end, request.range.end) };
}

/** The provider's answer, or null when it failed (a refused grant flags the connection). */
async function fetchBusy(
  db: Db,
  connection: ConnectionRow,
  range: Interval,
  now: Date,
): Promise<BusyInterval[] | null> {
  try {
    const client = clientFor(db, connection);
    const busy = await client.busy({ start: new Date(range.start), end: new Date(range.end) });
    return busy.sort((a, b) => a.start - b.start);
  } catch (error) {
    if (error instanceof CalendarAuthError) {
      await markNeedsReconnect(db, { connection, reason: error.message, now });
    } else {
      log.warn('calendar busy periods unavailable', {
        organizationId: connection.organizationId,
        connectionId: connection.id,
        provider: connection.provider,
        error: (error as Error).message,
      });
    }
    return null;
  }
}

async function refreshInBackground(
  db: Db,
  connection: ConnectionRow,
  window: Interval,
  now: Date,
): Promise<void> {
  try {
    // One instance refreshes a connection at a time; the others keep serving the cached answer.
    const [claimed] = await db
      .update(busyPeriodCache)
      .set({ refreshingAt: now })
      .where(
        and(
          eq(busyPeriodCache.organizationId, connection.organizationId),
          eq(busyPeriodCache.connectionId, connection.id),
          or(
            isNull(busyPeriodCache.refreshingAt),
            lt(busyPeriodCache.refreshingAt, new Date(now.getTime() - REFRESH_CLAIM_MS)),
          ),
        ),
      )
      .returning({ id: busyPeriodCache.connectionId });
    if (!claimed) return;
    const busy = await fetchBusy(db, connection, window, now);
    if (busy) await storeCache(db, connection, window, busy, new Date());
    else
      await db
        .update(busyPeriodCache)
        .set({ refreshingAt: null })
        .where(eq(busyPeriodCache.connectionId, connection.id));
  } catch (error) {
    log.warn('background busy refresh failed', {
      connectionId: connection.id,
      error: (error as Error).message,
    });
  }
}

async function loadCacheRows(
  db: Db,
  organizationId: string,
  connectionIds: string[],
): Promise<Map<string, CacheRow>> {
  const rows = await db
    .select()
    .from(busyPeriodCache)
    .where(
      and(
        eq(busyPeriodCache.organizationId, organizationId),
        inArray(busyPeriodCache.connectionId, connectionIds),
      ),
    );
  return new Map(rows.map((r) => [r.connectionId, r]));
}

async function storeCache(
  db: Db,
  connection: ConnectionRow,
  window: Interval,
  busy: BusyInterval[],
  fetchedAt: Date,
): Promise<void> {
  const values = {
    windowStart: new Date(window.start),
    windowEnd: new Date(window.end),
    busy: busy.map((b): [number, number] => [b.start, b.end]),
    fetchedAt,
    refreshingAt: null,
  };
  await db
    .insert(busyPeriodCache)
    .values({ connectionId: connection.id, organizationId: connection.organizationId, ...values })
    // The answer is serialized once: the update takes the inserted row's value.
    .onConflictDoUpdate({
      target: busyPeriodCache.connectionId,
      set: { ...values, busy: sql`excluded.busy` },
    });
}

/** Forgets a connection's cached answer (its calendar changed, or it was reconnected). */
export async function forgetCachedBusy(
  db: Db,
  params: { organizationId: string; connectionId: string },
): Promise<void> {
  unwrittenFills.delete(params.connectionId);
  await db
    .delete(busyPeriodCache)
    .where(
      and(
        eq(busyPeriodCache.organizationId, params.organizationId),
        eq(busyPeriodCache.connectionId, params.connectionId),
      ),
    );
}

function toIntervals(pairs: [number, number][]): BusyInterval[] {
  return pairs.map(([start, end]) => ({ start, end }));
}

function clip(busy: BusyInterval[], range: Interval): BusyInterval[] {
  return busy.filter((b) => b.end > range.start && b.start < range.end);
}
