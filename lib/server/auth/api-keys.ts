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

/**
 * Resolves the `x-api-key` + `x-organization-id` pair. Every failure (missing, unknown, revoked,
 * expired, or a key of another organization) looks the same to the caller.
 */
export async function authenticateApiKey(db: Db, headers: Headers, now: Date): Promise<ApiCaller> {
  const key = headers.get('x-api-key')?.trim();
  const organizationId = headers.get('x-organization-id')?.trim().toLowerCase();
  if (!key || !organizationId || key.length > 200 || !isId(organizationId)) {
    throw unauthorized();
  }
  const [row] = await findKeyByHash(db).execute({ keyHash: hashApiKey(key) });
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
