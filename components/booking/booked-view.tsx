'use client';

import type { BookingInfo, BookingMeeting } from '@/lib/contracts/booking';
import { googleCalendarUrl } from '@/lib/domain/invites/ics';
import { useText } from './booking-text';
import { fill } from './i18n/format-message';
import { CheckIcon, DownloadIcon, ExternalIcon } from './icons';
import { MeetingDetails } from './meeting-details';
import { organizerOf } from './page-state';
import { useFocusHeading } from './use-focus-heading';
import styles from './booking.module.css';

type Props = {
  token: string;
  meeting: BookingMeeting;
  info: BookingInfo;
  zone: string;
  hour12: boolean;
  /** What just happened, if the candidate did it on this page. */
  change: 'booked' | 'rescheduled' | null;
  isPast: boolean;
  autoFocus: boolean;
  onReschedule: () => void;
  onCancel: () => void;
};

/** The confirmation: when (in the candidate's zone), add-to-calendar, reschedule and cancel. */
export function BookedView(props: Props) {
  const { meeting, info, zone, hour12, change, isPast } = props;
  const { messages } = useText();
  const heading = useFocusHeading<HTMLHeadingElement>(props.autoFocus);
  const start = Date.parse(meeting.startDateTime);
  const end = Date.parse(meeting.endDateTime);
  const room = meeting.meetingUrl
    ? `${meeting.isDevelopmentVideoRoom ? `${messages.developmentRoom}: ` : ''}${meeting.meetingUrl}`
    : null;
  const google = googleCalendarUrl({
    title: meeting.title,
    start,
    end,
    details: [meeting.description, room].filter(Boolean).join('\n\n') || null,
    location: meeting.location ?? room,
  });
  const who = organizerOf(info, messages);
  const title = isPast
    ? messages.pastHeading
    : change === 'booked'
      ? messages.bookedHeading
      : change === 'rescheduled'
        ? messages.movedHeading
        : messages.existingHeading;
  return (
    <section aria-labelledby="booked-heading" data-testid="booked-view">
      <CheckIcon className={styles.statusIcon} />
      <h2 id="booked-heading" ref={heading} tabIndex={-1} className={styles.heading}>
        {title}
      </h2>
      <p className={styles.lead}>
        {isPast
          ? messages.pastLead
          : fill(change ? messages.inviteOnItsWay : messages.detailsLead, { who })}
      </p>
      <MeetingDetails
        start={start}
        end={end}
        zone={zone}
        hour12={hour12}
        info={info}
        room={{ url: meeting.meetingUrl, isDevelopment: meeting.isDevelopmentVideoRoom }}
      />
      {isPast ? null : (
        <>
          <hr className={styles.divider} />
          <h3 className={styles.subheading}>{messages.addToCalendar}</h3>
          <div className={styles.actions}>
            <a
              className={`${styles.button} ${styles.secondary}`}
              href={google}
              target="_blank"
              rel="noopener noreferrer"
            >
              <ExternalIcon />
              {messages.googleCalendar}
              <span className={styles.srOnly}> {messages.opensInNewTab}</span>
            </a>
            <a
              className={`${styles.button} ${styles.secondary}`}
              href={`/book/${encodeURIComponent(props.token)}/invite.ics`}
              download
            >
              <DownloadIcon />
              {messages.otherCalendars}
            </a>
          </div>
          <hr className={styles.divider} />
          <h3 className={styles.subheading}>{messages.needChange}</h3>
          <div className={styles.actions}>
            <button
              type="button"
              className={`${styles.button} ${styles.secondary}`}
              onClick={props.onReschedule}
            >
              {messages.reschedule}
            </button>
            <button
              type="button"
              className={`${styles.button} ${styles.secondary}`}
              onClick={props.onCancel}
            >
              {messages.cancelInterview}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
