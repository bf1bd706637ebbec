import type { BookingInfo } from '@/lib/contracts/booking';
import { ClockIcon, PersonIcon, PinIcon, VideoIcon } from './icons';
import styles from './booking.module.css';

type Props = { info: BookingInfo };

/** Who and what the meeting is: the left panel of the booking page (no client JS). */
export function BookingSummary({ info }: Props) {
  const place = placeOf(info);
  return (
    <section className={styles.summary} aria-labelledby="booking-title">
      {info.company || info.organizerName ? (
        <p className={styles.eyebrow}>{info.company ?? info.organizerName}</p>
      ) : null}
      <h1 id="booking-title" className={styles.title}>
        {info.title}
      </h1>
      <ul className={styles.facts}>
        <li className={styles.fact}>
          <ClockIcon />
          <span>{durationLabel(info.duration)}</span>
        </li>
        {place ? (
          <li className={styles.fact}>
            {info.videoConferencing ? <VideoIcon /> : <PinIcon />}
            <span>{place}</span>
          </li>
        ) : null}
        {info.organizerName ? (
          <li className={styles.fact}>
            <PersonIcon />
            <span>with {info.organizerName}</span>
          </li>
        ) : null}
      </ul>
      {info.description ? <p className={styles.description}>{info.description}</p> : null}
    </section>
  );
}

export function placeOf(
  info: Pick<BookingInfo, 'videoConferencing' | 'videoConferencingProvider' | 'location'>,
): string | null {
  if (info.videoConferencing) return info.videoConferencingProvider ?? 'Video call';
  return info.location;
}

/** "30 min", "1 hr", "1 hr 30 min". */
export function durationLabel(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} hr` : `${hours} hr ${rest} min`;
}
