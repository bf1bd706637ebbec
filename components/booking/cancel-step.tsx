'use client';

import { useId, useState } from 'react';
import type { BookingInfo } from '@/lib/contracts/booking';
import type { Meeting } from '@/lib/contracts/meeting-record';
import { AlertIcon } from './icons';
import { MeetingDetails } from './meeting-details';
import { useFocusHeading } from './use-focus-heading';
import styles from './booking.module.css';

type CancelProps = {
  meeting: Meeting;
  info: BookingInfo;
  zone: string | null;
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
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const heading = useFocusHeading<HTMLHeadingElement>(props.autoFocus);
  return (
    <section aria-labelledby="cancel-heading" data-testid="cancel-step">
      <h2 id="cancel-heading" ref={heading} tabIndex={-1} className={styles.heading}>
        Cancel your interview?
      </h2>
      <MeetingDetails
        start={Date.parse(meeting.startDateTime)}
        end={Date.parse(meeting.endDateTime)}
        zone={props.zone}
        hour12={props.hour12}
        info={info}
      />
      <hr className={styles.divider} />
      <label htmlFor={reasonId} className={styles.label}>
        Reason for cancelling (optional)
      </label>
      <textarea
        id={reasonId}
        className={styles.textarea}
        maxLength={1000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <p className={styles.muted}>
        {info.organizerName ?? 'The organizer'} will be told that you cancelled.
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
          {isPending ? 'Cancelling…' : 'Cancel interview'}
        </button>
        <button
          type="button"
          className={`${styles.button} ${styles.secondary}`}
          onClick={props.onBack}
        >
          Keep interview
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
  const heading = useFocusHeading<HTMLHeadingElement>(autoFocus);
  return (
    <section aria-labelledby="cancelled-heading" data-testid="cancelled-view">
      <AlertIcon className={`${styles.statusIcon} ${styles.statusIconMuted}`} />
      <h2 id="cancelled-heading" ref={heading} tabIndex={-1} className={styles.heading}>
        Your interview is cancelled
      </h2>
      <p className={styles.lead}>
        {info.organizerName ?? 'The organizer'} has been told.
        {canBook ? ' You can pick a new time whenever you’re ready.' : ''}
      </p>
      {canBook ? (
        <div className={styles.actions}>
          <button
            type="button"
            className={`${styles.button} ${styles.primary}`}
            onClick={onPickNew}
          >
            Pick a new time
          </button>
        </div>
      ) : null}
    </section>
  );
}
