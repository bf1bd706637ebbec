'use client';

import type { BookingInfo, BookingMeeting } from '@/lib/contracts/booking';
import { useText } from './booking-text';
import { fill } from './i18n/format-message';
import { formatLongDate, formatTime } from './format';
import { AlertIcon } from './icons';
import { Scheduler, type InitialSlots, type PickerState } from './scheduler';
import { useFocusHeading } from './use-focus-heading';
import styles from './booking.module.css';

export type Notice = { tone: 'info' | 'error'; text: string };

type Props = {
  token: string;
  info: BookingInfo;
  mode: 'book' | 'reschedule';
  notice: Notice | null;
  zone: string;
  onZoneChange: (zone: string) => void;
  hour12: boolean;
  onHour12Change: (hour12: boolean) => void;
  now: number;
  initialSlots: InitialSlots | null;
  picker: PickerState;
  onPickerChange: (picker: PickerState) => void;
  /** The scheduled meeting, when moving it. */
  currentMeeting: BookingMeeting | null;
  autoFocus: boolean;
  /** A start was chosen (epoch ms). */
  onPick: (start: number) => void;
  onKeepCurrent: () => void;
};

/** Choosing a time, to book or to move the scheduled meeting. */
export function PickView(props: Props) {
  const { info, mode, notice, zone, hour12, currentMeeting } = props;
  const { messages, locale } = useText();
  // With a day already chosen, the times are what the candidate looks for (the scheduler brings
  // them into view on a phone); the heading takes the focus without moving the page.
  const heading = useFocusHeading<HTMLHeadingElement>(
    props.autoFocus,
    props.picker.selected === null,
  );
  const current = currentMeeting ? Date.parse(currentMeeting.startDateTime) : null;
  return (
    <section aria-labelledby="pick-heading" data-testid="pick-view">
      {notice ? (
        <p
          role={notice.tone === 'error' ? 'alert' : undefined}
          className={`${styles.notice} ${notice.tone === 'error' ? styles.noticeError : ''}`}
          data-testid="pick-notice"
        >
          <AlertIcon />
          <span>{notice.text}</span>
        </p>
      ) : null}
      <h2 id="pick-heading" ref={heading} tabIndex={-1} className={styles.heading}>
        {mode === 'book' ? messages.pickHeading : messages.rescheduleHeading}
      </h2>
      {current !== null ? (
        <p className={styles.lead}>
          {fill(messages.currentlyBooked, {
            date: formatLongDate(current, zone, locale),
            time: formatTime(current, zone, hour12, locale),
          })}
        </p>
      ) : null}
      <Scheduler
        token={props.token}
        zone={zone}
        onZoneChange={props.onZoneChange}
        hour12={hour12}
        onHour12Change={props.onHour12Change}
        now={props.now}
        bookingHorizonEnd={info.bookingHorizonEnd}
        duration={info.duration}
        initialSlots={props.initialSlots}
        picker={props.picker}
        onPickerChange={props.onPickerChange}
        currentStart={currentMeeting?.startDateTime ?? null}
        onPick={props.onPick}
      />
      {mode === 'reschedule' ? (
        <div className={styles.actions}>
          <button
            type="button"
            className={`${styles.button} ${styles.secondary}`}
            onClick={props.onKeepCurrent}
          >
            {messages.keepCurrent}
          </button>
        </div>
      ) : null}
    </section>
  );
}
