import type { Metadata } from 'next';
import { Badge, Card, PageHeader } from '@/components/ui/bits';
import { ButtonLink } from '@/components/ui/button';
import { UpcomingMeetings } from '@/components/dashboard/upcoming-meetings';
import styles from '@/components/dashboard/dashboard.module.css';
import { loadForPage } from '@/lib/server/dashboard/page-data';
import { getOverview } from '@/lib/server/services/dashboard/get-overview';
import { fullName } from '@/lib/domain/people/full-name';

export const metadata: Metadata = { title: 'Overview' };

/** What needs attention today (DESIGN §9). */
export default async function OverviewPage() {
  const {
    member,
    now: at,
    data: overview,
  } = await loadForPage('/dashboard', ({ db, now, member }) =>
    getOverview(db, { organizationId: member.organizationId, now }),
  );
  return (
    <>
      <PageHeader
        title={`Welcome${member.name ? `, ${member.name.split(' ')[0]}` : ''}`}
        lead={`What needs attention at ${member.organizationName}.`}
        actions={<ButtonLink href="/dashboard/conversations">All conversations</ButtonLink>}
      />
      <div className={styles.grid2}>
        <Card title="Meetings">
          <UpcomingMeetings
            now={at.getTime()}
            meetings={overview.meetings.map((m) => ({
              id: m.id,
              conversationId: m.conversationId,
              title: m.title,
              start: m.startAt.toISOString(),
              end: m.endAt.toISOString(),
              interviewers: m.interviewers,
            }))}
          />
        </Card>
        <Card title="Needs review">
          {overview.needingReview.length === 0 ? (
            <p className={styles.muted}>No conversation is waiting for a person.</p>
          ) : (
            <ul className={styles.list}>
              {overview.needingReview.map((c) => (
                <li key={c.id} className={styles.listItem}>
                  <a href={`/dashboard/conversations/${c.id}`}>{fullName(c)}</a>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Links with no times to offer">
          {overview.withoutTimes.length === 0 ? (
            <p className={styles.muted}>Every open link has times to offer.</p>
          ) : (
            <ul className={styles.list}>
              {overview.withoutTimes.map((c) => (
                <li key={c.id} className={styles.listItem}>
                  <a href={`/dashboard/conversations/${c.id}`}>{fullName(c)}</a>{' '}
                  <Badge tone="warn">
                    {c.schedulingStatus === 'AWAITING_AVAILABILITY'
                      ? 'waiting for availability'
                      : 'no availability'}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Webhooks">
          {overview.failingEndpoints.length === 0 ? (
            <p className={styles.muted}>Every webhook endpoint is delivering.</p>
          ) : (
            <ul className={styles.list}>
              {overview.failingEndpoints.map((e) => (
                <li key={e.id} className={styles.listItem}>
                  <a href={`/dashboard/developers/webhooks/${e.id}`} className={styles.mono}>
                    {e.url}
                  </a>{' '}
                  {e.status === 'DISABLED' ? (
                    <Badge tone="bad">disabled</Badge>
                  ) : (
                    <Badge tone="warn">{`${e.failing} failing in 7 days`}</Badge>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Calendars needing reconnection">
          {overview.calendarsToReconnect.length === 0 ? (
            <p className={styles.muted}>Every connected calendar is answering.</p>
          ) : (
            <ul className={styles.list}>
              {overview.calendarsToReconnect.map((c) => (
                <li key={c.email} className={styles.listItem}>
                  <a href="/dashboard/interviewers">{c.name ?? c.email}</a>{' '}
                  <Badge tone="bad">
                    {`${c.provider === 'GOOGLE' ? 'Google' : 'Microsoft'} needs reconnecting`}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
