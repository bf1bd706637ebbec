import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { MemberRole } from '@/lib/contracts/members';
import type { Db } from '@/lib/server/db/client';
import { memberships, users } from '@/lib/server/db/schema/users';

export type MemberRow = {
  /** The membership's id (what the settings page's forms name). */
  id: string;
  userId: string;
  name: string | null;
  email: string;
  role: MemberRole;
  joinedAt: string;
  /** Invited but never signed in yet. */
  isPending: boolean;
};

/** The members of one organization, owners first, then by when they joined. */
export async function listMembers(
  db: Db,
  params: { organizationId: string },
): Promise<MemberRow[]> {
  const rows = await db
    .select({
      id: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
      emailVerified: users.emailVerified,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, params.organizationId))
    .orderBy(asc(memberships.createdAt), asc(memberships.id));
  const rank: Record<MemberRole, number> = { OWNER: 0, ADMIN: 1, RECRUITER: 2, VIEWER: 3 };
  return rows
    .map((r) => ({
      id: r.id,
      userId: r.userId,
      name: r.name,
      email: r.email,
      role: r.role,
      joinedAt: r.joinedAt.toISOString(),
      isPending: r.emailVerified === null,
    }))
    .sort((a, b) => rank[a.role] - rank[b.role]);
}
