import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';
import type { Db } from '@/lib/server/db/client';
import { authVerificationTokens } from '@/lib/server/db/schema/users';

/**
 * A one-time sign-in link for `email`, as next-auth's email provider makes them: a random token in
 * the link, and in the database that token hashed with the session secret (what next-auth looks up
 * when the link is opened, and deletes). Used where no email is sent: the CLI's `user invite`, and
 * the demo owner printed at first start. test/http/dashboard-auth.int.test.ts signs in with one,
 * so a next-auth upgrade that changes the scheme fails a test instead of breaking sign-in.
 */
export async function createSignInLink(
  db: Db,
  params: { email: string; now: Date; validForHours?: number; callbackPath?: string },
): Promise<{ url: string; expires: Date }> {
  const settings = env();
  const token = randomBytes(32).toString('hex');
  const expires = new Date(params.now.getTime() + (params.validForHours ?? 24) * 3_600_000);
  await db.insert(authVerificationTokens).values({
    identifier: params.email,
    token: createHash('sha256').update(`${token}${settings.NEXTAUTH_SECRET}`).digest('hex'),
    expires,
  });
  const query = new URLSearchParams({
    callbackUrl: `${settings.NEXTAUTH_URL}${params.callbackPath ?? '/dashboard'}`,
    token,
    email: params.email,
  });
  return { url: `${settings.NEXTAUTH_URL}/api/auth/callback/email?${query}`, expires };
}
