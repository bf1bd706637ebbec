import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from 'next-auth/adapters';
import type { Db } from '@/lib/server/db/client';
import {
  authAccounts,
  authSessions,
  authVerificationTokens,
  users,
} from '@/lib/server/db/schema/users';
import { newId } from '@/lib/server/ids';

type UserRow = typeof users.$inferSelect;

const toAdapterUser = (row: UserRow): AdapterUser => ({
  id: row.id,
  email: row.email,
  name: row.name,
  image: row.image,
  emailVerified: row.emailVerified,
});

/** Session cookies are bearer credentials: the database keeps only their hash. */
export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * next-auth 4's database adapter over Parley's tables (lib/server/db/schema/users.ts). Users are
 * created by invitation (the sign-in callback refuses unknown addresses), so `createUser` only
 * runs for an invited address signing in the first time through Google or Microsoft. Linked OAuth
 * accounts keep no provider tokens: signing in needs none.
 */
export function parleyAuthAdapter(db: () => Db): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, 'id'>) {
      const [row] = await db()
        .insert(users)
        .values({
          id: newId(),
          email: user.email.toLowerCase(),
          name: user.name ?? null,
          image: user.image ?? null,
          emailVerified: user.emailVerified,
        })
        .onConflictDoUpdate({ target: users.email, set: { emailVerified: user.emailVerified } })
        .returning();
      return toAdapterUser(row!);
    },
    async getUser(id) {
      const [row] = await db().select().from(users).where(eq(users.id, id)).limit(1);
      return row ? toAdapterUser(row) : null;
    },
    async getUserByEmail(email) {
      const [row] = await db()
        .select()
        .from(users)
        .where(eq(users.email, email.toLowerCase()))
        .limit(1);
      return row ? toAdapterUser(row) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const [row] = await db()
        .select({ user: users })
        .from(authAccounts)
        .innerJoin(users, eq(users.id, authAccounts.userId))
        .where(
          and(
            eq(authAccounts.provider, provider),
            eq(authAccounts.providerAccountId, providerAccountId),
          ),
        )
        .limit(1);
      return row ? toAdapterUser(row.user) : null;
    },
    async updateUser(user) {
      const [row] = await db()
        .update(users)
        .set({
          ...(user.name !== undefined ? { name: user.name } : {}),
          ...(user.image !== undefined ? { image: user.image } : {}),
          ...(user.emailVerified !== undefined ? { emailVerified: user.emailVerified } : {}),
        })
        .where(eq(users.id, user.id))
        .returning();
      return toAdapterUser(row!);
    },
    async linkAccount(account: AdapterAccount) {
      await db()
        .insert(authAccounts)
        .values({
          id: newId(),
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          expiresAt: account.expires_at ?? null,
          tokenType: account.token_type ?? null,
          scope: account.scope ?? null,
        })
        .onConflictDoNothing();
    },
    async createSession(session) {
      await db()
        .insert(authSessions)
        .values({
          id: newId(),
          tokenHash: hashSessionToken(session.sessionToken),
          userId: session.userId,
          expires: session.expires,
        });
      return session;
    },
    async getSessionAndUser(sessionToken) {
      const [row] = await db()
        .select({ session: authSessions, user: users })
        .from(authSessions)
        .innerJoin(users, eq(users.id, authSessions.userId))
        // next-auth checks the expiry itself (and deletes an expired session).
        .where(eq(authSessions.tokenHash, hashSessionToken(sessionToken)))
        .limit(1);
      if (!row) return null;
      const session: AdapterSession = {
        sessionToken,
        userId: row.session.userId,
        expires: row.session.expires,
      };
      return { session, user: toAdapterUser(row.user) };
    },
    async updateSession(session) {
      if (!session.expires) return null;
      const [row] = await db()
        .update(authSessions)
        .set({ expires: session.expires })
        .where(eq(authSessions.tokenHash, hashSessionToken(session.sessionToken)))
        .returning();
      return row
        ? { sessionToken: session.sessionToken, userId: row.userId, expires: row.expires }
        : null;
    },
    async deleteSession(sessionToken) {
      await db()
        .delete(authSessions)
        .where(eq(authSessions.tokenHash, hashSessionToken(sessionToken)));
    },
    async createVerificationToken(token) {
      await db().insert(authVerificationTokens).values(token);
      return token;
    },
    async useVerificationToken({ identifier, token }) {
      // Deleted as it is read: a link signs in once.
      const [row] = await db()
        .delete(authVerificationTokens)
        .where(
          and(
            eq(authVerificationTokens.identifier, identifier),
            eq(authVerificationTokens.token, token),
          ),
        )
        .returning();
      return row ?? null;
    },
  };
}
