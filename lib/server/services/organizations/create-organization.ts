import 'server-only';
import type { Db } from '@/lib/server/db/client';
import { organizations } from '@/lib/server/db/schema/organizations';
import { newId } from '@/lib/server/ids';
import { createApiKey } from '@/lib/server/services/api-keys/create-api-key';

/** A new organization and its first API key (the key is returned once and stored hashed). */
export async function createOrganization(
  db: Db,
  params: { name: string; keyName?: string; now: Date },
): Promise<{ organizationId: string; apiKey: string }> {
  return db.transaction(async (tx) => {
    const organizationId = newId();
    await tx
      .insert(organizations)
      .values({ id: organizationId, name: params.name, createdAt: params.now });
    const { apiKey } = await createApiKey(tx, {
      organizationId,
      name: params.keyName ?? 'Default key',
      expiresAt: null,
      now: params.now,
    });
    return { organizationId, apiKey };
  });
}
