import 'server-only';
import { and, eq } from 'drizzle-orm';
import { DomainError } from '@/lib/domain/errors';
import { refuseRemoval } from '@/lib/domain/members/member-rules';
import type { Db } from '@/lib/server/db/client';
import { memberships, users } from '@/lib/server/db/schema/users';
import { lockActorRole, throwIfRefused } from './actor-role';
import { countOwners } from './change-member-role';

/**
 * Takes a member out of the organization, as `actorUserId` asks; their user stays (they may
 * belong to other organizations). The last owner is never removed.
 */
export async function removeMember(
  db: Db,
  params: { organizationId: string; actorUserId: string; memberId: string },
): Promise<{ email: string; userId: string }> {
  const { organizationId, memberId } = params;
  return db.transaction(async (tx) => {
    const actor = await lockActorRole(tx, params);
    const own = and(eq(memberships.organizationId, organizationId), eq(memberships.id, memberId));
    const [target] = await tx
      .select({ role: memberships.role, email: users.email, userId: users.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(own);
    if (!target) throw new DomainError('not_found', 'Member not found');
    throwIfRefused(
      refuseRemoval({ actor, role: target.role, owners: await countOwners(tx, organizationId) }),
    );
    await tx.delete(memberships).where(own);
    return { email: target.email, userId: target.userId };
  });
}
