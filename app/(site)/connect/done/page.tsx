import type { Metadata } from 'next';
import { Card } from '@/components/ui/bits';
import styles from '@/components/dashboard/dashboard.module.css';

export const metadata: Metadata = { title: 'Calendar connected', robots: { index: false } };

const labels: Record<string, string> = {
  google: 'Your Google calendar is connected',
  microsoft: 'Your Microsoft calendar is connected',
  dev: 'The development calendar is connected',
};

/** Where a connection ends well. */
export default async function ConnectDonePage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const provider = (await props.searchParams).provider;
  const title = (typeof provider === 'string' && labels[provider]) || 'Your calendar is connected';
  return (
    <main className={styles.centered}>
      <Card className={styles.signinCard}>
        <h1 className={styles.brand}>{title}</h1>
        <p>
          Parley now offers candidates only the times you are free
          {provider === 'dev' ? ' (the busy times typed into the dashboard)' : ''}. You can close
          this page.
        </p>
        <p className={styles.muted}>
          Signed in to the dashboard? <a href="/dashboard/interviewers">See your calendar there</a>.
        </p>
      </Card>
    </main>
  );
}
