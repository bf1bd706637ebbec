import type { BookingInfo } from '@/lib/contracts/booking';
import { fill } from './i18n/format-message';
import type { Messages } from './i18n/messages';
import { durationLabel, listOfNames } from './format';
import { ClockIcon, PeopleIcon, PinIcon, VideoIcon } from './icons';
import { headingOf } from './page-state';
import styles from './booking.module.css';

type Props = { info: BookingInfo; messages: Messages; locale: string };

/** Who and what the meeting is: the left panel of the booking page (server-rendered, no client JS). */
export function BookingSummary({ info, messages, locale }: Props) {
  const heading = headingOf(info, messages);
  const names = info.interviewers.map((p) => p.name);
  return (
    <section className={styles.summary} aria-labelledby="booking-title">
      <p className={styles.eyebrow}>{messages.eyebrow}</p>
      <h1 id="booking-title" className={styles.title}>
        {heading}
      </h1>
      {heading !== info.title ? <p className={styles.subtitle}>{info.title}</p> : null}
      <ul className={styles.facts}>
        <li className={styles.fact}>
          <ClockIcon />
          <span>{durationLabel(info.duration, messages, locale)}</span>
        </li>
        <PlaceFact info={info} messages={messages} />
        {names.length > 0 ? (
          <li className={styles.fact} data-testid="interviewers">
            <PeopleIcon />
            <span>{fill(messages.withPeople, { names: listOfNames(names, locale) })}</span>
          </li>
        ) : null}
      </ul>
      {info.description ? <p className={styles.description}>{info.description}</p> : null}
    </section>
  );
}

function PlaceFact({ info, messages }: { info: BookingInfo; messages: Messages }) {
  if (info.videoConferencing) {
    const provider = info.videoConferencingProvider ?? messages.videoCall;
    return (
      <li className={styles.fact} data-testid="meeting-place">
        <VideoIcon />
        {info.isDevelopmentVideoRoom ? (
          <span>
            {messages.developmentRoom}
            <span className={styles.factNote}>
              {fill(messages.developmentRoomNote, { provider })}
            </span>
          </span>
        ) : (
          <span>{provider}</span>
        )}
      </li>
    );
  }
  if (!info.location) return null;
  return (
    <li className={styles.fact} data-testid="meeting-place">
      <PinIcon />
      <span>{info.location}</span>
    </li>
  );
}
