'use client';

import { useId, useState } from 'react';
import type { BookingInfo, BookingMeeting } from '@/lib/contracts/booking';
import { useText } from './booking-text';
import { fill } from './i18n/format-message';
import { AlertIcon } from './icons';
import { MeetingDetails } from './meeting-details';
import { organizerOf } from './page-state';
import { useFocusHeading } from './use-focus-heading';
import styles from './booking.module.css';

type CancelProps = {
  meeting: BookingMeeting;
  info: BookingInfo;
  zone: string;
  hour12: boolean;
  isPending: boolean;
  error: string | null;
  autoFocus: boolean;
  onConfirm: (reason: string) => void;
  onBack: () => void;
};

/** Asks before cancelling, with an optional reason for the organizer. */
export function CancelStep(props: CancelProps) {
  const { meeting, info, isPending, error } = props;
  const { messages } = useText();
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const heading = useFocusHeading<HTMLHeadingElement>(props.autoFocus);
  return (
    <section aria-labelledby="cancel-heading" data-testid="cancel-step">
      <h2 id="cancel-heading" ref={heading} tabIndex={-1} className={styles.heading}>
        {messages.cancelHeading}
      </h2>
      <MeetingDetails
        start={Date.parse(meeting.startDateTime)}
        end={Date.parse(meeting.endDateTime)}
        zone={props.zone}
        hour12={props.hour12}
        info={info}
        room={{ url: meeting.meetingUrl, isDevelopment: meeting.isDevelopmentVideoRoom }}
      />
      <hr className={styles.divider} />
      <label htmlFor={reasonId} className={styles.label}>
        {messages.reasonLabel}
      </label>
      <textarea
        id={reasonId}
        className={styles.textarea}
        maxLength={1000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <p className={styles.muted}>
        {fill(messages.willBeTold, { who: organizerOf(info, messages, true) })}
      </p>
      {error ? (
        <p role="alert" className={`${styles.notice} ${styles.noticeError}`}>
          {error}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button
          type="button"
          className={`${styles.button} ${styles.danger}`}
          aria-disabled={isPending}
          onClick={() => {
            if (!isPending) props.onConfirm(reason);
          }}
        >
          {isPending ? messages.cancelling : messages.cancelInterview}
        </button>
        <button
          type="button"
          className={`${styles.button} ${styles.secondary}`}
          onClick={props.onBack}
        >
          {messages.keepInterview}
        </button>
      </div>
    </section>
  );
}

type CancelledProps = {
  info: BookingInfo;
  canBook: boolean;
  autoFocus: boolean;
  onPickNew: () => void;
};

/** After the candidate cancelled: says so and offers a new time. */
export function CancelledView({ info, canBook, autoFocus, onPickNew }: CancelledProps) {
  const { messages } = useText();
  const heading = useFocusHeading<HTMLHeadingElement>(autoFocus);
  return (
    <section aria-labelledby="cancelled-heading" data-testid="cancelled-view">
      <AlertIcon className={`${styles.statusIcon} ${styles.statusIconMuted}`} />
      <h2 id="cancelled-heading" ref={heading} tabIndex={-1} className={styles.heading}>
        {messages.cancelledHeading}
      </h2>
      <p className={styles.lead}>
        {fill(messages.cancelledLead, { who: organizerOf(info, messages, true) })}
        {canBook ? ` ${messages.pickNewLead}` : ''}
      </p>
      {canBook ? (
        <div className={styles.actions}>
          <button
            type="button"
            className={`${styles.button} ${styles.primary}`}
            onClick={onPickNew}
          >
            {messages.pickNewTime}
          </button>
        </div>
      ) : null}
    </section>
  );
}
