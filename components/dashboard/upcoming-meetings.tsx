'use client';

import { EmptyState } from '@/components/ui/bits';
import { dayOf, formatTimeRange, useViewerZone } from './viewer-time';
import styles from './dashboard.module.css';

export type UpcomingMeeting = {
  id: string;
  conversationId: string;
  title: string;
  start: string;
  end: string;
  interviewers: string[];
};

/** Today's and tomorrow's meetings, by day in the viewer's zone. */
export function UpcomingMeetings({ meetings, now }: { meetings: UpcomingMeeting[]; now: number }) {
  const zone = useViewerZone();
  const today = dayOf(now, zone);
  const tomorrow = dayOf(now + 86_400_000, zone);
  const days = [
    { label: 'Today', day: today },
    { label: 'Tomorrow', day: tomorrow },
  ].map(({ label, day }) => ({
    label,
    items: meetings.filter((m) => dayOf(Date.parse(m.start), zone) === day),
  }));
  if (meetings.length === 0) {
    return (
      <EmptyState title="Nothing booked for today or tomorrow">
        Meetings appear here as candidates book them.
      </EmptyState>
    );
  }
  return (
    <div className={styles.stack}>
      {days.map(({ label, items }) => (
        <section key={label} aria-label={`${label}'s meetings`}>
          <h3 className={styles.dayHeading}>{label}</h3>
          {items.length === 0 ? (
            <p className={styles.muted}>No meetings.</p>
          ) : (
            <ul className={styles.list}>
              {items.map((m) => (
                <li key={m.id} className={styles.listItem}>
                  <span className={styles.time}>
                    {formatTimeRange(Date.parse(m.start), Date.parse(m.end), zone)}
                  </span>{' '}
                  <a href={`/dashboard/conversations/${m.conversationId}`}>{m.title}</a>
                  {m.interviewers.length > 0 ? (
                    <span className={styles.muted}> · {m.interviewers.join(', ')}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
