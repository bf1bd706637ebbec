'use client';

import type { BookingInfo } from '@/lib/contracts/booking';
import { useText } from './booking-text';
import { fill } from './i18n/format-message';
import {
  durationLabel,
  formatLongDate,
  formatTimeRange,
  listOfNames,
  zoneLongName,
} from './format';
import { CalendarIcon, ClockIcon, GlobeIcon, PeopleIcon, PinIcon, VideoIcon } from './icons';
import styles from './booking.module.css';

type Props = {
  /** Epoch ms. */
  start: number;
  end: number;
  zone: string;
  hour12: boolean;
  info: BookingInfo;
  /** The booked meeting's video room, once there is one. */
  room?: { url: string | null; isDevelopment: boolean };
};

/** Date, time, zone, place and interviewers of a meeting, in the candidate's zone. */
export function MeetingDetails({ start, end, zone, hour12, info, room }: Props) {
  const { messages, locale } = useText();
  const names = info.interviewers.map((p) => p.name);
  return (
    <ul className={styles.details} data-testid="meeting-details">
      <li className={styles.detail}>
        <CalendarIcon />
        <span className={styles.strong} data-testid="meeting-date">
          {formatLongDate(start, zone, locale)}
        </span>
      </li>
      <li className={styles.detail}>
        <ClockIcon />
        <span>
          <span data-testid="meeting-time">
            {formatTimeRange(start, end, zone, hour12, locale)}
          </span>{' '}
          <span className={styles.muted}>
            ({durationLabel(Math.round((end - start) / 60_000), messages, locale)})
          </span>
        </span>
      </li>
      <li className={styles.detail}>
        <GlobeIcon />
        <span data-testid="meeting-zone">{`${zoneLongName(zone, start, locale)} (${zone})`}</span>
      </li>
      <Place info={info} room={room ?? { url: null, isDevelopment: info.isDevelopmentVideoRoom }} />
      {names.length > 0 ? (
        <li className={styles.detail}>
          <PeopleIcon />
          <span>{fill(messages.withPeople, { names: listOfNames(names, locale) })}</span>
        </li>
      ) : null}
    </ul>
  );
}

function Place({ info, room }: { info: BookingInfo; room: NonNullable<Props['room']> }) {
  const meetingUrl = room.url;
  const { messages } = useText();
  if (!info.videoConferencing) {
    return info.location ? (
      <li className={styles.detail}>
        <PinIcon />
        <span>{info.location}</span>
      </li>
    ) : null;
  }
  const provider = info.videoConferencingProvider ?? messages.videoCall;
  const newTab = <span className={styles.srOnly}> {messages.opensInNewTab}</span>;
  return (
    <li className={styles.detail} data-testid="meeting-place">
      <VideoIcon />
      {room.isDevelopment ? (
        <span>
          {messages.developmentRoom}
          {meetingUrl ? (
            <>
              {' · '}
              <a href={meetingUrl} target="_blank" rel="noopener noreferrer">
                {messages.openDevelopmentRoom}
                {newTab}
              </a>
            </>
          ) : null}
          <span className={styles.factNote}>
            {fill(messages.developmentRoomNote, { provider })}
          </span>
        </span>
      ) : (
        <span>
          {provider}
          {meetingUrl ? (
            <>
              {' · '}
              <a href={meetingUrl} target="_blank" rel="noopener noreferrer">
                {messages.joinLink}
                {newTab}
              </a>
            </>
          ) : null}
        </span>
      )}
    </li>
  );
}
