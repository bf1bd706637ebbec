import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { MemberRole } from '@/lib/contracts/members';
import { DomainError } from '@/lib/domain/errors';
import { refuseRoleChange } from '@/lib/domain/members/member-rules';
import type { Db, Tx } from '@/lib/server/db/client';
import { memberships } from '@/lib/server/db/schema/users';
import { lockActorRole, throwIfRefused } from './actor-role';

/** How many owners an organization has, in the caller's transaction. */
export async function countOwners(tx: Tx | Db, organizationId: string): Promise<number> {
  const rows = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'OWNER')));
  return rows.length;
}

/**
 * Gives a member of the organization another role, as `actorUserId` asks (their role is read
 * here): the rules of lib/domain/members/member-rules.ts, refused with 'forbidden'. Another
 * organization's member is 'not_found'.
 */
export async function changeMemberRole(
  db: Db,
  params: { organizationId: string; actorUserId: string; memberId: string; role: MemberRole },
): Promise<{ id: string; role: MemberRole }> {
  const { organizationId, memberId, role } = params;
  return db.transaction(async (tx) => {
    const actor = await lockActorRole(tx, params);
    const own = and(eq(memberships.organizationId, organizationId), eq(memberships.id, memberId));
    const [target] = await tx.select({ role: memberships.role }).from(memberships).where(own);
    if (!target) throw new DomainError('not_found', 'Member not found');
    throwIfRefused(
      refuseRoleChange({
        actor,
        from: target.role,
        to: role,
        owners: await countOwners(tx, organizationId),
      }),
    );
    await tx.update(memberships).set({ role }).where(own);
    return { id: memberId, role };
  });
}
