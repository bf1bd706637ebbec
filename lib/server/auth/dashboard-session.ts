import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getServerSession } from 'next-auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { hasRole, type MemberRole } from '@/lib/contracts/members';
import { DomainError } from '@/lib/domain/errors';
import { ensureBooted } from '@/lib/server/boot';
import { getDb } from '@/lib/server/db/client';
import { organizations } from '@/lib/server/db/schema/organizations';
import { memberships } from '@/lib/server/db/schema/users';
import { authOptions } from './dashboard-auth';

/** The cookie that remembers which of a user's organizations the dashboard shows. */
export const ACTIVE_ORGANIZATION_COOKIE = 'parley_org';

export type MemberOrganization = { id: string; name: string; role: MemberRole };

/** Who is using the dashboard, in which organization, with which role. */
export type DashboardMember = {
  userId: string;
  email: string;
  name: string | null;
  organizationId: string;
  organizationName: string;
  role: MemberRole;
  /** Every organization the user belongs to (for the switcher). */
  organizations: MemberOrganization[];
};

/**
 * The signed-in member of the organization the dashboard shows, once per request: the session
 * (next-auth, database sessions) and the user's memberships; the active organization is the one
 * the cookie names if the user belongs to it, else their first. Null when nobody is signed in or
 * the user belongs to no organization any more.
 */
export const currentMember = cache(async (): Promise<DashboardMember | null> => {
  await ensureBooted();
  const session = await getServerSession(authOptions());
  const userId = session?.user.id;
  if (!userId) return null;
  const rows = await getDb()
    .select({ id: organizations.id, name: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name), asc(organizations.id));
  if (rows.length === 0) return null;
  const chosen = (await cookies()).get(ACTIVE_ORGANIZATION_COOKIE)?.value;
  const active = rows.find((r) => r.id === chosen) ?? rows[0]!;
  return {
    userId,
    email: session.user.email ?? '',
    name: session.user.name ?? null,
    organizationId: active.id,
    organizationName: active.name,
    role: active.role,
    organizations: rows,
  };
});

/** For pages: the member, or a redirect to sign in (coming back to `returnTo` afterwards). */
export async function requirePageMember(returnTo = '/dashboard'): Promise<DashboardMember> {
  const member = await currentMember();
  if (!member) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return member;
}

/**
 * For server actions: the member if their role allows `needed`, else a DomainError the action turns
 * into a message. Every mutation checks here — a forged action call from a page that shows no
 * button is refused all the same.
 */
export async function requireActionMember(needed: MemberRole): Promise<DashboardMember> {
  const member = await currentMember();
  if (!member) throw new DomainError('unauthorized', 'Your session has ended: sign in again.');
  if (!hasRole(member.role, needed)) {
    throw new DomainError('forbidden', `This needs the ${needed} role; you are ${member.role}.`);
  }
  return member;
}
