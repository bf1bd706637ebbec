import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { InviteMember } from '@/lib/contracts/members';
import { DomainError } from '@/lib/domain/errors';
import { createSignInLink } from '@/lib/server/auth/sign-in-links';
import type { Db } from '@/lib/server/db/client';
import { organizations } from '@/lib/server/db/schema/organizations';
import { memberships, users } from '@/lib/server/db/schema/users';
import { newId } from '@/lib/server/ids';
import { sendAccountEmail } from '@/lib/server/services/account-emails/send-account-email';

/** How long an invitation's sign-in link works. */
const INVITE_LINK_HOURS = 7 * 24;

export type Invitation = {
  userId: string;
  email: string;
  role: InviteMember['role'];
  organizationId: string;
  signInUrl: string;
  expiresAt: string;
};

/**
 * Adds a person to an organization with a role — creating their user if the address is new — and
 * makes them a one-time sign-in link. `email: true` sends it (the dashboard's members page);
 * without, the caller shows it (the CLI). Someone already in the organization is a conflict.
 */
export async function inviteMember(
  db: Db,
  params: { organizationId: string; values: InviteMember; now: Date; email: boolean },
): Promise<Invitation> {
  const { organizationId, values, now } = params;
  const organization = await db.transaction(async (tx) => {
    const [org] = await tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .limit(1);
    if (!org) throw new DomainError('not_found', 'Organization not found');
    await tx
      .insert(users)
      .values({ id: newId(), email: values.email, name: values.name ?? null, createdAt: now })
      .onConflictDoNothing({ target: users.email });
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, values.email))
      .limit(1);
    const added = await tx
      .insert(memberships)
      .values({ id: newId(), organizationId, userId: user!.id, role: values.role, createdAt: now })
      .onConflictDoNothing({ target: [memberships.organizationId, memberships.userId] })
      .returning({ id: memberships.id });
    if (added.length === 0) {
      throw new DomainError('conflict', `${values.email} is already a member of ${org.name}.`, [
        { path: 'email', message: 'is already a member of this organization' },
      ]);
    }
    return { name: org.name, userId: user!.id };
  });
  const link = await createSignInLink(db, {
    email: values.email,
    now,
    validForHours: INVITE_LINK_HOURS,
  });
  if (params.email) {
    await sendAccountEmail(db, {
      to: values.email,
      subject: `You're invited to ${organization.name} on Parley`,
      body: [
        'Hello,',
        `You have been invited to ${organization.name} on Parley as ${values.role.toLowerCase()}. Parley books interviews with candidates for your team.`,
        `Open this link to sign in (it works once, for 7 days): ${link.url}`,
        'Later, sign in with your email address at any time.',
      ].join('\n\n'),
      now,
    });
  }
  return {
    userId: organization.userId,
    email: values.email,
    role: values.role,
    organizationId,
    signInUrl: link.url,
    expiresAt: link.expires.toISOString(),
  };
}

/**
 * A new one-time sign-in link for someone who is already a member somewhere (the CLI's `user
 * link`: a lost or expired invitation). Their memberships are listed with it; nothing changes.
 */
export async function memberSignInLink(
  db: Db,
  params: { email: string; now: Date },
): Promise<{
  userId: string;
  email: string;
  memberships: { organizationId: string; organization: string; role: InviteMember['role'] }[];
  signInUrl: string;
  expiresAt: string;
}> {
  const rows = await db
    .select({
      userId: users.id,
      organizationId: memberships.organizationId,
      organization: organizations.name,
      role: memberships.role,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(users.email, params.email))
    .orderBy(organizations.name);
  if (rows.length === 0)
    throw new DomainError(
      'not_found',
      `${params.email} is not a member of any organization: invite them with \`user invite\`.`,
    );
  const link = await createSignInLink(db, {
    email: params.email,
    now: params.now,
    validForHours: INVITE_LINK_HOURS,
  });
  return {
    userId: rows[0]!.userId,
    email: params.email,
    memberships: rows.map(({ organizationId, organization, role }) => ({
      organizationId,
      organization,
      role,
    })),
    signInUrl: link.url,
    expiresAt: link.expires.toISOString(),
  };
}

/** The membership of `userId` in `organizationId`, or undefined. */
export async function findMembership(db: Db, params: { organizationId: string; userId: string }) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, params.organizationId),
        eq(memberships.userId, params.userId),
      ),
    )
    .limit(1);
  return row;
}
