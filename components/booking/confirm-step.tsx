'use client';

import type { BookingInfo } from '@/lib/contracts/booking';
import type { Slot } from './api';
import { useText } from './booking-text';
import { fill } from './i18n/format-message';
import { formatLongDate, formatTime } from './format';
import { MeetingDetails } from './meeting-details';
import { useFocusHeading } from './use-focus-heading';
import styles from './booking.module.css';

type Props = {
  mode: 'book' | 'reschedule';
  slot: Slot;
  zone: string;
  hour12: boolean;
  info: BookingInfo;
  /** Start of the meeting being moved (reschedule only). */
  previousStart: string | null;
  isPending: boolean;
  error: string | null;
  autoFocus: boolean;
  onConfirm: () => void;
  onBack: () => void;
};

/** The last look before booking (or moving) the chosen time. */
export function ConfirmStep(props: Props) {
  const { mode, slot, zone, hour12, info, isPending, error } = props;
  const { messages, locale } = useText();
  const heading = useFocusHeading<HTMLHeadingElement>(props.autoFocus);
  const previous = props.previousStart ? Date.parse(props.previousStart) : null;
  return (
    <section aria-labelledby="confirm-heading" data-testid="confirm-step">
      <h2 id="confirm-heading" ref={heading} tabIndex={-1} className={styles.heading}>
        {mode === 'book' ? messages.confirmHeading : messages.confirmNewTimeHeading}
      </h2>
      <p className={styles.lead}>
        {mode === 'book'
          ? fill(messages.confirmLead, { firstName: info.firstName })
          : previous !== null
            ? fill(messages.movingFrom, {
                date: formatLongDate(previous, zone, locale),
                time: formatTime(previous, zone, hour12, locale),
              })
            : messages.checkDetails}
      </p>
      <MeetingDetails
        start={Date.parse(slot.start)}
        end={Date.parse(slot.end)}
        zone={zone}
        hour12={hour12}
        info={info}
      />
      {error ? (
        <p
          role="alert"
          className={`${styles.notice} ${styles.noticeError} ${styles.noticeAfter}`}
          data-testid="confirm-error"
        >
          {error}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button
          type="button"
          className={`${styles.button} ${styles.primary}`}
          aria-disabled={isPending}
          onClick={() => {
            if (!isPending) props.onConfirm();
          }}
        >
          {isPending
            ? messages.booking
            : mode === 'book'
              ? messages.confirmBooking
              : messages.confirmNewTime}
        </button>
        <button
          type="button"
          className={`${styles.button} ${styles.secondary}`}
          onClick={props.onBack}
        >
          {messages.back}
        </button>
      </div>
    </section>
  );
}
