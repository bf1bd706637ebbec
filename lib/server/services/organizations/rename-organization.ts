import 'server-only';
import { eq } from 'drizzle-orm';
import { refuseSettingsChange } from '@/lib/domain/members/member-rules';
import type { Db } from '@/lib/server/db/client';
import { organizations } from '@/lib/server/db/schema/organizations';
import { lockActorRole, throwIfRefused } from '@/lib/server/services/members/actor-role';

/** Renames the organization, as `actorUserId` (ADMIN and up) asks. */
export async function renameOrganization(
  db: Db,
  params: { organizationId: string; actorUserId: string; name: string },
): Promise<{ id: string; name: string }> {
  return db.transaction(async (tx) => {
    throwIfRefused(refuseSettingsChange(await lockActorRole(tx, params)));
    await tx
      .update(organizations)
      .set({ name: params.name })
      .where(eq(organizations.id, params.organizationId));
    return { id: params.organizationId, name: params.name };
  });
}
