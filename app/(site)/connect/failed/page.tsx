import type { Metadata } from 'next';
import { Card } from '@/components/ui/bits';
import styles from '@/components/dashboard/dashboard.module.css';

export const metadata: Metadata = { title: 'Calendar not connected', robots: { index: false } };

const reasons: Record<string, { title: string; text: string }> = {
  denied: {
    title: 'You did not allow access',
    text: 'Nothing was connected. To connect your calendar, open the link again and allow Parley to see when you are busy.',
  },
  provider_error: {
    title: 'The calendar provider refused',
    text: 'The provider ended the sign-in with an error, and nothing was connected. Open the link again to retry.',
  },
  invalid: {
    title: 'This connection attempt is not valid',
    text: 'It did not start from this browser or was altered on the way, so nothing was connected. Open your connect link again.',
  },
  expired: {
    title: 'This connection attempt took too long',
    text: 'Nothing was connected. Open your connect link again and finish within 15 minutes.',
  },
  used: {
    title: 'This link no longer works',
    text: 'It was already used or has expired. Ask for a new link (or, in the dashboard, connect again).',
  },
  exchange: {
    title: 'The calendar provider did not accept the sign-in',
    text: 'Nothing was connected. Try again; if it keeps failing, tell whoever sent you the link.',
  },
  unconfigured: {
    title: 'This calendar cannot be connected here',
    text: 'This Parley server is not set up for it. Tell whoever sent you the link.',
  },
  unavailable: {
    title: 'Something went wrong',
    text: 'The calendar provider could not be reached and nothing was connected. Try again in a moment.',
  },
};

/** Where a connection ends without one: what happened, and that nothing was stored. */
export default async function ConnectFailedPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const reason = (await props.searchParams).reason;
  const shown = (typeof reason === 'string' && reasons[reason]) || reasons.unavailable!;
  return (
    <main className={styles.centered}>
      <Card className={styles.signinCard}>
        <h1 className={styles.brand} data-testid="connect-failed">
          {shown.title}
        </h1>
        <p>{shown.text}</p>
      </Card>
    </main>
  );
}
