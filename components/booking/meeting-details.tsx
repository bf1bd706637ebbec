import type { BookingInfo } from '@/lib/contracts/booking';
import { durationLabel, placeOf } from './booking-summary';
import { formatLongDate, formatTimeRange, zoneLongName } from './format';
import { CalendarIcon, ClockIcon, GlobeIcon, PersonIcon, PinIcon, VideoIcon } from './icons';
import styles from './booking.module.css';

type Props = {
  /** Epoch ms. */
  start: number;
  end: number;
  /** The candidate's zone; null until known (placeholders keep the space). */
  zone: string | null;
  hour12: boolean;
  info: BookingInfo;
  meetingUrl?: string | null;
};

/** Date, time, zone, place and organizer of a meeting, in the candidate's zone. */
export function MeetingDetails({ start, end, zone, hour12, info, meetingUrl }: Props) {
  const place = placeOf(info);
  const pending = (
    <span className={styles.skeletonText}>
      <span className={styles.srOnly}>Loading</span>
    </span>
  );
  return (
    <ul className={styles.details} data-testid="meeting-details">
      <li className={styles.detail}>
        <CalendarIcon />
        <span className={styles.strong} data-testid="meeting-date">
          {zone ? formatLongDate(start, zone) : pending}
        </span>
      </li>
      <li className={styles.detail}>
        <ClockIcon />
        <span>
          <span data-testid="meeting-time">
            {zone ? formatTimeRange(start, end, zone, hour12) : pending}
          </span>{' '}
          <span className={styles.muted}>
            ({durationLabel(Math.round((end - start) / 60_000))})
          </span>
        </span>
      </li>
      <li className={styles.detail}>
        <GlobeIcon />
        <span data-testid="meeting-zone">
          {zone ? `${zoneLongName(zone, start)} (${zone})` : pending}
        </span>
      </li>
      {place ? (
        <li className={styles.detail}>
          {info.videoConferencing ? <VideoIcon /> : <PinIcon />}
          <span>
            {place}
            {meetingUrl ? (
              <>
                {' · '}
                <a href={meetingUrl} target="_blank" rel="noopener noreferrer">
                  Join link<span className={styles.srOnly}> (opens in a new tab)</span>
                </a>
              </>
            ) : null}
          </span>
        </li>
      ) : null}
      {info.organizerName ? (
        <li className={styles.detail}>
          <PersonIcon />
          <span>with {info.organizerName}</span>
        </li>
      ) : null}
    </ul>
  );
}
