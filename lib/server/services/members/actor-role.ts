import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { MemberRole } from '@/lib/contracts/members';
import { DomainError } from '@/lib/domain/errors';
import type { Refusal } from '@/lib/domain/members/member-rules';
import type { Db, Tx } from '@/lib/server/db/client';
import { organizations } from '@/lib/server/db/schema/organizations';
import { memberships } from '@/lib/server/db/schema/users';

/**
 * The role of the person asking, read in the transaction that makes the change (not trusted from
 * the caller), with the organization's row locked so two changes to its owners never interleave.
 * Someone who is not a member of the organization is refused.
 */
export async function lockActorRole(
  tx: Tx | Db,
  params: { organizationId: string; actorUserId: string },
): Promise<MemberRole> {
  const [org] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, params.organizationId))
    .for('update');
  if (!org) throw new DomainError('not_found', 'Organization not found');
  const [actor] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, params.organizationId),
        eq(memberships.userId, params.actorUserId),
      ),
    )
    .limit(1);
  if (!actor) throw new DomainError('forbidden', 'You are not a member of this organization.');
  return actor.role;
}

/** A refusal of lib/domain/members as the error the caller shows. */
export function throwIfRefused(refusal: Refusal): void {
  if (refusal) throw new DomainError('forbidden', refusal);
}
