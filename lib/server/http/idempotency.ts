import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { DomainError } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import { idempotencyKeys } from '@/lib/server/db/schema/idempotency';

const WINDOW_MS = 24 * 60 * 60 * 1000;

export type StoredResponse = { status: number; body: unknown };

/** Stable hash of a request: method, path and the body with keys sorted. */
export function hashRequest(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function validateIdempotencyKey(key: string): string {
  const trimmed = key.trim();
  if (trimmed.length < 1 || trimmed.length > 255 || !/^[\x21-\x7e]+$/.test(trimmed)) {
    throw new DomainError(
      'validation_error',
      'Idempotency-Key must be 1–255 visible ASCII characters.',
      [{ path: 'Idempotency-Key', message: 'must be 1–255 visible ASCII characters' }],
    );
  }
  return trimmed;
}

/**
 * Runs `run` once per (scope, key) within 24 h. A retry with the same request gets the first
 * response again; another request under the same key gets `409 idempotency_mismatch`. Server
 * errors are not remembered, so the client can retry them.
 */
export async function withIdempotency(
  db: Db,
  args: { scope: string; key: string; requestHash: string; now: Date },
  run: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const { scope, key, requestHash, now } = args;
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });

  if (claimed.length === 0) {
    const reclaimed = await db
      .update(idempotencyKeys)
      .set({ requestHash, statusCode: null, responseBody: null, createdAt: now })
      .where(
        and(
          eq(idempotencyKeys.scope, scope),
          eq(idempotencyKeys.key, key),
          lt(idempotencyKeys.createdAt, new Date(now.getTime() - WINDOW_MS)),
        ),
      )
      .returning({ key: idempotencyKeys.key });
    if (reclaimed.length === 0) return replay(db, scope, key, requestHash);
  }

  let response: StoredResponse;
  try {
    response = await run();
  } catch (error) {
    await release(db, scope, key);
    throw error;
  }
  if (response.status >= 500) {
    await release(db, scope, key);
  } else {
    await db
      .update(idempotencyKeys)
      .set({ statusCode: response.status, responseBody: response.body ?? null })
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  }
  return { ...response, replayed: false };
}

async function replay(
  db: Db,
  scope: string,
  key: string,
  requestHash: string,
): Promise<StoredResponse & { replayed: boolean }> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .limit(1);
  if (!row) {
    throw new DomainError(
      'conflict',
      'A request with this Idempotency-Key was just retried; try again.',
    );
  }
  if (row.requestHash !== requestHash) {
    throw new DomainError(
      'idempotency_mismatch',
      'This Idempotency-Key was already used with a different request.',
    );
  }
  if (row.statusCode === null) {
    throw new DomainError(
      'conflict',
      'A request with this Idempotency-Key is still being processed; retry shortly.',
    );
  }
  return { status: row.statusCode, body: row.responseBody, replayed: true };
}

async function release(db: Db, scope: string, key: string): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.scope, scope),
        eq(idempotencyKeys.key, key),
        isNull(idempotencyKeys.statusCode),
      ),
    );
}
