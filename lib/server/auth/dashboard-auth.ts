import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import type { NextAuthOptions } from 'next-auth';
import type { EmailConfig } from 'next-auth/providers/email';
import AzureADProvider from 'next-auth/providers/azure-ad';
import GoogleProvider from 'next-auth/providers/google';
import { env } from '@/lib/env';
import { now } from '@/lib/server/clock';
import { getDb } from '@/lib/server/db/client';
import { memberships, users } from '@/lib/server/db/schema/users';
import { sendAccountEmail } from '@/lib/server/services/account-emails/send-account-email';
import { parleyAuthAdapter } from './next-auth-adapter';

const DAY_S = 86_400;

/** Whether `email` belongs to someone invited to at least one organization. */
async function isInvited(email: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ n: count() })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.email, email.toLowerCase())));
  return (row?.n ?? 0) > 0;
}

/**
 * The magic-link provider, sending through Parley's email transport (Resend when configured, else
 * the dev outbox, shown at /dev/mailbox in development) instead of next-auth's nodemailer one.
 */
function emailProvider(): EmailConfig {
  return {
    id: 'email',
    type: 'email',
    name: 'Email',
    server: '',
    from: env().EMAIL_FROM,
    maxAge: DAY_S,
    options: {},
    async sendVerificationRequest({ identifier, url, expires }) {
      await sendAccountEmail(getDb(), {
        to: identifier,
        subject: 'Your Parley sign-in link',
        body: [
          'Hello,',
          `Open this link to sign in to Parley (it works once, until ${expires.toUTCString()}):`,
          url,
          'If you did not ask to sign in, you can ignore this email.',
        ].join('\n\n'),
        now: now(),
      });
    },
  };
}

/**
 * next-auth for the dashboard (DESIGN §9): magic links by email, Google and Microsoft sign-in when
 * their credentials are set, database sessions. Only invited people sign in: a link asked for an
 * unknown address is not sent (and the page says the same as for a known one, so addresses cannot
 * be probed). Google and Microsoft verify addresses, so their accounts link to the invited user of
 * the same address.
 */
export function authOptions(): NextAuthOptions {
  const settings = env();
  const providers: NextAuthOptions['providers'] = [emailProvider()];
  if (settings.GOOGLE_CLIENT_ID && settings.GOOGLE_CLIENT_SECRET) {
    providers.push(
      GoogleProvider({
        clientId: settings.GOOGLE_CLIENT_ID,
        clientSecret: settings.GOOGLE_CLIENT_SECRET,
        allowDangerousEmailAccountLinking: true,
      }),
    );
  }
  if (settings.MICROSOFT_CLIENT_ID && settings.MICROSOFT_CLIENT_SECRET) {
    providers.push(
      AzureADProvider({
        clientId: settings.MICROSOFT_CLIENT_ID,
        clientSecret: settings.MICROSOFT_CLIENT_SECRET,
        tenantId: settings.MICROSOFT_TENANT_ID,
        allowDangerousEmailAccountLinking: true,
      }),
    );
  }
  return {
    secret: settings.NEXTAUTH_SECRET,
    adapter: parleyAuthAdapter(getDb),
    session: { strategy: 'database', maxAge: 30 * DAY_S, updateAge: DAY_S },
    pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin' },
    providers,
    callbacks: {
      async signIn({ user, email }) {
        const invited = !!user.email && (await isInvited(user.email));
        if (email?.verificationRequest) return invited ? true : '/signin/check-email';
        return invited;
      },
      session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id } };
      },
    },
  };
}
