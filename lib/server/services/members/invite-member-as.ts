import 'server-only';
import type { InviteMember } from '@/lib/contracts/members';
import { refuseInvite } from '@/lib/domain/members/member-rules';
import type { Db } from '@/lib/server/db/client';
import { lockActorRole, throwIfRefused } from './actor-role';
import { inviteMember, type Invitation } from './invite-member';

/**
 * The dashboard's invitation: `actorUserId` (ADMIN and up, never giving a role above their own)
 * invites by email, and the sign-in link goes out through the account-email transport.
 */
export async function inviteMemberAs(
  db: Db,
  params: { organizationId: string; actorUserId: string; values: InviteMember; now: Date },
): Promise<Invitation> {
  const actor = await lockActorRole(db, params);
  throwIfRefused(refuseInvite({ actor, role: params.values.role }));
  return inviteMember(db, {
    organizationId: params.organizationId,
    values: params.values,
    now: params.now,
    email: true,
  });
}
