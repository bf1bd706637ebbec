import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Card, Notice } from '@/components/ui/bits';
import { SignInForm } from '@/components/dashboard/sign-in-form';
import styles from '@/components/dashboard/dashboard.module.css';
import { signInProviders } from '@/lib/server/auth/sign-in-providers';
import { currentMember } from '@/lib/server/auth/dashboard-session';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

/** next-auth's error codes, said for people. */
const errors: Record<string, string> = {
  Verification: 'That sign-in link has expired or was already used. Ask for a new one below.',
  AccessDenied: 'This address has no Parley account. Ask an admin of your team to invite you.',
  OAuthAccountNotLinked: 'Sign in with the email address your team invited.',
  SessionRequired: 'Sign in to continue.',
};

/** Only paths of this app: a sign-in link never sends anyone elsewhere. */
function safeCallback(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/dashboard';
}

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallback(callbackUrl);
  if (await currentMember()) redirect(target);
  return (
    <main className={styles.centered}>
      <Card className={styles.signinCard}>
        <h1 className={styles.brand}>Sign in to Parley</h1>
        <p className={styles.muted}>We email you a link that signs you in. No password needed.</p>
        {error ? (
          <Notice tone="error">
            {errors[error] ?? 'Signing in did not work. Please try again.'}
          </Notice>
        ) : null}
        <SignInForm callbackUrl={target} providers={signInProviders()} />
      </Card>
    </main>
  );
}
