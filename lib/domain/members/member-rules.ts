/**
 * Who may change whom in an organization (DESIGN §9): pure decisions, so every rule is tested
 * without a database and the services only load the facts. Roles least to most, as
 * lib/contracts/members.ts lists them.
 */
export type Role = 'VIEWER' | 'RECRUITER' | 'ADMIN' | 'OWNER';

const RANK: Record<Role, number> = { VIEWER: 0, RECRUITER: 1, ADMIN: 2, OWNER: 3 };

/** Why a change is refused, said to the person who asked; null when it is allowed. */
export type Refusal = string | null;

const needsAdmin = (actor: Role): Refusal =>
  RANK[actor] >= RANK.ADMIN ? null : `Only an admin or owner can manage members; you are ${actor}.`;

/** Renaming the organization: ADMIN and up. */
export function refuseSettingsChange(actor: Role): Refusal {
  return RANK[actor] >= RANK.ADMIN
    ? null
    : `Only an admin or owner can change the organization; you are ${actor}.`;
}

/** Inviting someone with `role`: ADMIN and up, never above the inviter's own role. */
export function refuseInvite(params: { actor: Role; role: Role }): Refusal {
  const { actor, role } = params;
  return needsAdmin(actor) ?? (role === 'OWNER' && actor !== 'OWNER' ? onlyOwner : null);
}

const onlyOwner = 'Only an owner can make someone an owner or change an owner.';
const lastOwner =
  'An organization always keeps one owner: make someone else an owner first, then change this one.';

/**
 * Changing a member from `from` to `to`. `owners` counts the organization's owners now. Nobody gives
 * a role above their own; only an OWNER makes or changes an OWNER; the last OWNER stays one.
 */
export function refuseRoleChange(params: {
  actor: Role;
  from: Role;
  to: Role;
  owners: number;
}): Refusal {
  const { actor, from, to, owners } = params;
  const refusal = needsAdmin(actor);
  if (refusal) return refusal;
  if ((from === 'OWNER' || to === 'OWNER') && actor !== 'OWNER') return onlyOwner;
  if (RANK[to] > RANK[actor] || RANK[from] > RANK[actor]) return onlyOwner;
  if (from === 'OWNER' && to !== 'OWNER' && owners <= 1) return lastOwner;
  return null;
}

/** Removing a member whose role is `role`: as changing them, and the last OWNER is never removed. */
export function refuseRemoval(params: { actor: Role; role: Role; owners: number }): Refusal {
  const { actor, role, owners } = params;
  const refusal = needsAdmin(actor);
  if (refusal) return refusal;
  if (role === 'OWNER' && actor !== 'OWNER') return 'Only an owner can remove an owner.';
  if (role === 'OWNER' && owners <= 1)
    return 'An organization always keeps one owner: make someone else an owner first.';
  return null;
}
