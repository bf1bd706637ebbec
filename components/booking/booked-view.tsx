'use client';

import type { BookingInfo } from '@/lib/contracts/booking';
import type { Meeting } from '@/lib/contracts/meeting-record';
import { googleCalendarUrl } from '@/lib/domain/invites/ics';
import { CheckIcon, DownloadIcon, ExternalIcon } from './icons';
import { MeetingDetails } from './meeting-details';
import { useFocusHeading } from './use-focus-heading';
import styles from './booking.module.css';

type Props = {
  token: string;
  meeting: Meeting;
  info: BookingInfo;
  zone: string | null;
  hour12: boolean;
  /** What just happened, if the candidate did it on this page. */
  change: 'booked' | 'rescheduled' | null;
  isPast: boolean;
  autoFocus: boolean;
  onReschedule: () => void;
  onCancel: () => void;
};

const headings = {
  booked: 'You’re booked',
  rescheduled: 'Your interview was moved',
  existing: 'Your interview is booked',
};

/** The confirmation: when (in the candidate's zone), add-to-calendar, reschedule and cancel. */
export function BookedView(props: Props) {
  const { meeting, info, zone, hour12, change, isPast } = props;
  const heading = useFocusHeading<HTMLHeadingElement>(props.autoFocus);
  const start = Date.parse(meeting.startDateTime);
  const end = Date.parse(meeting.endDateTime);
  const details = [meeting.description, meeting.meetingUrl ? `Join: ${meeting.meetingUrl}` : null]
    .filter(Boolean)
    .join('\n\n');
  const google = googleCalendarUrl({
    title: meeting.title,
    start,
    end,
    details: details || null,
    location: meeting.location ?? meeting.meetingUrl,
  });
  const who = info.organizerName ?? 'the organizer';
  return (
    <section aria-labelledby="booked-heading" data-testid="booked-view">
      <CheckIcon className={styles.statusIcon} />
      <h2 id="booked-heading" ref={heading} tabIndex={-1} className={styles.heading}>
        {isPast ? 'Your interview' : headings[change ?? 'existing']}
      </h2>
      <p className={styles.lead}>
        {isPast
          ? 'This interview has already taken place.'
          : change
            ? `A calendar invitation is on its way to you and ${who}.`
            : `Here are the details of your interview with ${who}.`}
      </p>
      <MeetingDetails
        start={start}
        end={end}
        zone={zone}
        hour12={hour12}
        info={info}
        meetingUrl={meeting.meetingUrl}
      />
      {isPast ? null : (
        <>
          <hr className={styles.divider} />
          <h3 className={styles.subheading}>Add to your calendar</h3>
          <div className={styles.actions}>
            <a
              className={`${styles.button} ${styles.secondary}`}
              href={google}
              target="_blank"
              rel="noopener noreferrer"
            >
              <ExternalIcon />
              Google Calendar<span className={styles.srOnly}> (opens in a new tab)</span>
            </a>
            <a
              className={`${styles.button} ${styles.secondary}`}
              href={`/book/${encodeURIComponent(props.token)}/invite.ics`}
              download
            >
              <DownloadIcon />
              Apple, Outlook (.ics)
            </a>
          </div>
          <hr className={styles.divider} />
          <h3 className={styles.subheading}>Need to make a change?</h3>
          <div className={styles.actions}>
            <button
              type="button"
              className={`${styles.button} ${styles.secondary}`}
              onClick={props.onReschedule}
            >
              Reschedule
            </button>
            <button
              type="button"
              className={`${styles.button} ${styles.secondary}`}
              onClick={props.onCancel}
            >
              Cancel interview
            </button>
          </div>
        </>
      )}
    </section>
  );
}
