import 'server-only';
import { isId } from '@/lib/contracts/common';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { DomainError } from '@/lib/domain/errors';
import { preparedPerDb, type Db } from '@/lib/server/db/client';
import { apiKeys } from '@/lib/server/db/schema/organizations';

const KEY_PREFIX = 'pk_';

export function generateApiKey(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function maskApiKey(lastChars: string): string {
  return `…${lastChars}`;
}

export type ApiCaller = { organizationId: string; apiKeyId: string };

const findKeyByHash = preparedPerDb((db) =>
  db
    .select({
      id: apiKeys.id,
      organizationId: apiKeys.organizationId,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, sql.placeholder('keyHash')))
    .limit(1)
    .prepare('api_key_by_hash'),
);

const unauthorized = () =>
  new DomainError('unauthorized', 'Missing or invalid x-api-key / x-organization-id headers.');

/** The key and organization a request presents; unauthorized when they cannot be valid. */
export function presentedApiKey(headers: Headers): { keyHash: string; organizationId: string } {
  const key = headers.get('x-api-key')?.trim();
  const organizationId = headers.get('x-organization-id')?.trim().toLowerCase();
  if (!key || !organizationId || key.length > 200 || !isId(organizationId)) {
    throw unauthorized();
  }
  return { keyHash: hashApiKey(key), organizationId };
}

export type ApiKeyRow = {
  id: string;
  organizationId: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

/**
 * The caller of a key found by its hash (or not found). Every failure (unknown, revoked, expired,
 * or a key of another organization) looks the same to the caller.
 */
export function acceptApiKey(
  db: Db,
  row: ApiKeyRow | undefined,
  organizationId: string,
  now: Date,
): ApiCaller {
  if (
    !row ||
    row.organizationId !== organizationId ||
    row.revokedAt !== null ||
    (row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime())
  ) {
    throw unauthorized();
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    // At most one write a minute per key; a lost update only makes "last used" a little older.
    void db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiKeys.id, row.id),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - 60_000))),
        ),
      )
      .catch(() => undefined);
  }
  return { organizationId: row.organizationId, apiKeyId: row.id };
}

/** Resolves the `x-api-key` + `x-organization-id` pair (see acceptApiKey). */
export async function authenticateApiKey(db: Db, headers: Headers, now: Date): Promise<ApiCaller> {
  const { keyHash, organizationId } = presentedApiKey(headers);
  const [row] = await findKeyByHash(db).execute({ keyHash });
  return acceptApiKey(db, row, organizationId, now);
}
