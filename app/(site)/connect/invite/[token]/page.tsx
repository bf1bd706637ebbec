import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Badge, Card } from '@/components/ui/bits';
import { Button, ButtonLink } from '@/components/ui/button';
import styles from '@/components/dashboard/dashboard.module.css';
import connect from '@/components/dashboard/connect.module.css';
import { loadInvitePage } from '@/lib/server/services/user-calendars/load-invite-page';

export const metadata: Metadata = {
  title: 'Connect your calendar',
  robots: { index: false, follow: false },
};

const providerLabels = { GOOGLE: 'Google Calendar', MICROSOFT: 'Microsoft Outlook / 365' };

/** The page of a connect link (DESIGN §6): who asks, and the calendars the person may connect. */
export default async function ConnectInvitePage(props: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await props.params;
  const invite = await loadInvitePage(token);
  if (!invite) {
    return (
      <main className={styles.centered}>
        <Card className={styles.signinCard}>
          <h1 className={styles.brand}>This link no longer works</h1>
          <p>
            It was already used, has expired, or was never valid. Ask the person who sent it for a
            new one.
          </p>
        </Card>
      </main>
    );
  }
  const { providers, isDevOffered } = invite;
  const query = `?invite=${encodeURIComponent(token)}`;
  return (
    <main className={styles.centered}>
      <Card className={styles.signinCard}>
        <h1 className={styles.brand}>Connect your calendar</h1>
        <p>
          <strong>{invite.organizationName}</strong> schedules interviews with Parley and asks{' '}
          {invite.name} ({invite.email}) to connect a calendar. Candidates are then offered only
          times when you are free, and the meetings Parley books appear in your calendar.
        </p>
        <div className={connect.choices}>
          {providers.map((p) => (
            <ButtonLink key={p} variant="primary" href={`/connect/${p.toLowerCase()}${query}`}>
              {`Connect ${providerLabels[p]}`}
            </ButtonLink>
          ))}
          {isDevOffered ? (
            <form method="post" action="/connect/dev">
              <input type="hidden" name="invite" value={token} />
              <Button type="submit" variant={providers.length === 0 ? 'primary' : 'secondary'}>
                Use the development calendar
              </Button>
              <p className={connect.devNote}>
                <Badge tone="warn">development</Badge> A stand-in calendar whose busy times are
                typed into the dashboard; no Google or Microsoft account is involved.
              </p>
            </form>
          ) : null}
          {providers.length === 0 && !isDevOffered ? (
            <p role="alert">
              No calendar provider is configured on this Parley server yet. Tell{' '}
              {invite.organizationName}.
            </p>
          ) : null}
        </div>
        <p className={styles.muted}>
          Parley reads when you are busy (not what your events are) and adds the meetings it books.
        </p>
      </Card>
    </main>
  );
}
