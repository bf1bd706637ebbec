import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { Card, EmptyState, PageHeader } from '@/components/ui/bits';
import styles from '@/components/dashboard/dashboard.module.css';
import { env } from '@/lib/env';
import { listDevMailbox } from '@/lib/server/services/account-emails/list-dev-mailbox';

export const metadata: Metadata = { title: 'Development mailbox', robots: { index: false } };

const LINK = /(https?:\/\/\S+)/g;

/**
 * Where sign-in links go when no email provider is configured (development, browser tests): the
 * emails the dev transport recorded. Absent (404) in production and whenever a real provider is set.
 */
export default async function DevMailboxPage() {
  await connection();
  if (!env().PARLEY_DEV_MAILBOX) notFound();
  const emails = await listDevMailbox();
  return (
    <main className={styles.main}>
      <PageHeader
        title="Development mailbox"
        lead="No email provider is configured: Parley records these emails instead of sending them."
      />
      {emails.length === 0 ? (
        <EmptyState title="No emails yet">Ask for a sign-in link at /signin.</EmptyState>
      ) : (
        <div className={styles.stack}>
          {emails.map((email) => (
            <Card key={email.id}>
              <h2 className={styles.brand}>{email.subject}</h2>
              <p className={styles.muted}>
                To {email.toAddress} · {email.createdAt.toISOString()}
              </p>
              <p className={styles.mono} data-testid="mailbox-body">
                {email.body.split(LINK).map((part, i) =>
                  i % 2 === 1 ? (
                    <a key={i} href={part}>
                      {part}
                    </a>
                  ) : (
                    <span key={i}>{part}</span>
                  ),
                )}
              </p>
            </Card>
          ))}
        </div>
      )}
    </main>
  );
}
