'use client';

import type { BookingInfo } from '@/lib/contracts/booking';
import type { Meeting } from '@/lib/contracts/meeting-record';
import type { Slot } from './api';
import type { Notice } from './booking-app';
import { formatLongDate, formatTime } from './format';
import { AlertIcon } from './icons';
import { Scheduler, type PickerState } from './scheduler';
import { useFocusHeading } from './use-focus-heading';
import styles from './booking.module.css';

type Props = {
  token: string;
  info: BookingInfo;
  mode: 'book' | 'reschedule';
  notice: Notice | null;
  zone: string | null;
  onZoneChange: (zone: string) => void;
  hour12: boolean;
  onHour12Change: (hour12: boolean) => void;
  now: number;
  picker: PickerState;
  onPickerChange: (picker: PickerState) => void;
  /** The scheduled meeting, when moving it. */
  currentMeeting: Meeting | null;
  autoFocus: boolean;
  onPick: (slot: Slot) => void;
  onKeepCurrent: () => void;
};

const statusNotices: Partial<Record<NonNullable<BookingInfo['schedulingStatus']>, string>> = {
  NO_AVAILABILITY:
    'There are no open times right now. The organizer has been told and will share new times soon.',
  AWAITING_AVAILABILITY:
    'The interviewers are still sharing their availability. Please check back a little later.',
};

/** Choosing a time, to book or to move the scheduled meeting. */
export function PickView(props: Props) {
  const { info, mode, notice, zone, hour12, currentMeeting } = props;
  const heading = useFocusHeading<HTMLHeadingElement>(props.autoFocus);
  const status =
    mode === 'book' && info.schedulingStatus ? statusNotices[info.schedulingStatus] : undefined;
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
      {status ? (
        <p className={styles.notice}>
          <AlertIcon />
          <span>{status}</span>
        </p>
      ) : null}
      <h2 id="pick-heading" ref={heading} tabIndex={-1} className={styles.heading}>
        {mode === 'book' ? 'Select a date & time' : 'Pick a new time'}
      </h2>
      {current !== null && zone ? (
        <p className={styles.lead}>
          Currently booked for {formatLongDate(current, zone)} at{' '}
          {formatTime(current, zone, hour12)}.
        </p>
      ) : null}
      <Scheduler
        token={props.token}
        meetingZone={info.timezone}
        bookingHorizonEnd={info.bookingHorizonEnd}
        zone={zone}
        onZoneChange={props.onZoneChange}
        hour12={hour12}
        onHour12Change={props.onHour12Change}
        now={props.now}
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
            Keep current time
          </button>
        </div>
      ) : null}
    </section>
  );
}
