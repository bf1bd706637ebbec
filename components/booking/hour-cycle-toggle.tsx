'use client';

import { useText } from './booking-text';
import styles from './booking.module.css';

type Props = { hour12: boolean; onChange: (hour12: boolean) => void };

/** 12-hour (AM/PM) or 24-hour times. */
export function HourCycleToggle({ hour12, onChange }: Props) {
  const { messages } = useText();
  return (
    <div role="group" aria-label={messages.timeFormat} className={styles.segmented}>
      <button
        type="button"
        className={styles.segment}
        aria-pressed={hour12}
        onClick={() => onChange(true)}
      >
        <span aria-hidden="true">12h</span>
        <span className={styles.srOnly}>{messages.twelveHour}</span>
      </button>
      <button
        type="button"
        className={styles.segment}
        aria-pressed={!hour12}
        onClick={() => onChange(false)}
      >
        <span aria-hidden="true">24h</span>
        <span className={styles.srOnly}>{messages.twentyFourHour}</span>
      </button>
    </div>
  );
}
