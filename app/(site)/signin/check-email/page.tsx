import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Card } from '@/components/ui/bits';
import styles from '@/components/dashboard/dashboard.module.css';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Check your email' };

/** After asking for a link: the same words whether or not the address has an account. */
export default async function CheckEmailPage() {
  await connection();
  return (
    <main className={styles.centered}>
      <Card className={styles.signinCard}>
        <h1 className={styles.brand}>Check your email</h1>
        <p>
          If the address belongs to a Parley account, a sign-in link is on its way. It works once,
          for 24 hours.
        </p>
        {env().PARLEY_DEV_MAILBOX ? (
          <p className={styles.muted}>
            Development: no email provider is configured, so the link is in the{' '}
            <a href="/dev/mailbox">development mailbox</a>.
          </p>
        ) : null}
        <p className={styles.muted}>
          <a href="/signin">Use another address</a>
        </p>
      </Card>
    </main>
  );
}
