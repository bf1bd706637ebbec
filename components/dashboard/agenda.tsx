'use client';

import type { AgendaItem } from '@/lib/contracts/dashboard-meetings';
import type { FormState } from '@/lib/contracts/form-state';
import { Badge, EmptyState, Notice } from '@/components/ui/bits';
import { CancelForm, RescheduleForm } from './meeting-actions';
import { QueryProvider } from './query-provider';
import { dayOf, formatDay, formatTimeRange, useViewerZone } from './viewer-time';
import styles from './meetings.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

type Props = {
  meetings: AgendaItem[];
  /** Whether the viewer may move and cancel meetings (RECRUITER and up). */
  canChange: boolean;
  cancelAction: Action;
  rescheduleAction: Action;
};

/** Upcoming meetings by day, in the viewer's zone, each with its reschedule and cancel forms. */
export function Agenda({ meetings, canChange, cancelAction, rescheduleAction }: Props) {
  const zone = useViewerZone();
  if (meetings.length === 0) {
    return (
      <EmptyState title="No upcoming meetings">
        Meetings appear here as candidates book them through their links.
      </EmptyState>
    );
  }
  const days = new Map<string, AgendaItem[]>();
  for (const meeting of meetings) {
    const day = dayOf(Date.parse(meeting.start), zone);
    days.set(day, [...(days.get(day) ?? []), meeting]);
  }
  return (
    <QueryProvider>
      {zone === 'UTC' ? <Notice>Times are shown in UTC until the page has loaded.</Notice> : null}
      {[...days].map(([day, items]) => (
        <section key={day} className={styles.day} aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`} className={styles.dayTitle}>
            {formatDay(Date.parse(items[0]!.start), zone)}
          </h2>
          <ul className={styles.items}>
            {items.map((m) => (
              <li key={m.id} className={styles.item} data-testid="agenda-item">
                <span className={styles.when}>
                  {formatTimeRange(Date.parse(m.start), Date.parse(m.end), zone)}
                </span>
                <div className={styles.what}>
                  <a href={`/dashboard/conversations/${m.conversationId}`}>{m.candidate}</a>
                  {' · '}
                  {m.title}
                  <p className={styles.who}>
                    {m.interviewers.length > 0 ? `With ${m.interviewers.join(', ')}` : null}
                    {m.place ? ` · ${m.place}` : null}
                    {m.meetingUrl ? (
                      <>
                        {' · '}
                        <a href={m.meetingUrl} target="_blank" rel="noopener noreferrer">
                          {m.isDevelopmentRoom ? 'Development video room' : 'Video link'}
                        </a>
                      </>
                    ) : null}
                    {m.isDevelopmentRoom ? (
                      <>
                        {' '}
                        <Badge>dev</Badge>
                      </>
                    ) : null}
                  </p>
                </div>
                {canChange ? (
                  <div className={styles.controls}>
                    <RescheduleForm
                      meetingId={m.id}
                      durationMs={Date.parse(m.end) - Date.parse(m.start)}
                      action={rescheduleAction}
                    />
                    <CancelForm meetingId={m.id} action={cancelAction} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </QueryProvider>
  );
}
