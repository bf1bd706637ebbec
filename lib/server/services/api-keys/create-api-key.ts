import 'server-only';
import type { ApiKeyView } from '@/lib/contracts/dashboard-developers';
import { DomainError } from '@/lib/domain/errors';
import { generateApiKey, hashApiKey, maskApiKey } from '@/lib/server/auth/api-keys';
import type { Db } from '@/lib/server/db/client';
import { apiKeys } from '@/lib/server/db/schema/organizations';
import { newId } from '@/lib/server/ids';

export async function createApiKey(
  db: Db,
  params: { organizationId: string; name: string; expiresAt: Date | null; now: Date },
): Promise<{ apiKey: string; key: ApiKeyView }> {
  if (params.expiresAt && params.expiresAt.getTime() <= params.now.getTime()) {
    throw new DomainError('validation_error', 'expiresAt must be in the future', [
      { path: 'expiresAt', message: 'must be in the future' },
    ]);
  }
  const apiKey = generateApiKey();
  const id = newId();
  await db.insert(apiKeys).values({
    id,
    organizationId: params.organizationId,
    name: params.name,
    keyHash: hashApiKey(apiKey),
    lastChars: apiKey.slice(-8),
    expiresAt: params.expiresAt,
    createdAt: params.now,
  });
  return {
    apiKey,
    key: {
      id,
      name: params.name,
      maskedKey: maskApiKey(apiKey.slice(-8)),
      expiresAt: params.expiresAt?.toISOString() ?? null,
      revokedAt: null,
      lastUsedAt: null,
      createdAt: params.now.toISOString(),
    },
  };
}
