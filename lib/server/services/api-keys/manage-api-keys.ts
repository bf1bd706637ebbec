import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { notFound } from '@/lib/domain/errors';
import { maskApiKey } from '@/lib/server/auth/api-keys';
import type { Db } from '@/lib/server/db/client';
import { apiKeys } from '@/lib/server/db/schema/organizations';
import type { ApiKeyView } from '@/lib/contracts/dashboard-developers';

export async function listApiKeys(
  db: Db,
  params: { organizationId: string },
): Promise<ApiKeyView[]> {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.organizationId, params.organizationId))
    .orderBy(desc(apiKeys.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    maskedKey: maskApiKey(r.lastChars),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Revoking takes effect on the next request; revoking twice is harmless. */
export async function revokeApiKey(
  db: Db,
  params: { organizationId: string; id: string; now: Date },
): Promise<void> {
  const [row] = await db
    .select({ id: apiKeys.id, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.organizationId, params.organizationId), eq(apiKeys.id, params.id)))
    .limit(1);
  if (!row) throw notFound('API key');
  await db
    .update(apiKeys)
    .set({ revokedAt: params.now })
    .where(and(eq(apiKeys.id, params.id), isNull(apiKeys.revokedAt)));
}
