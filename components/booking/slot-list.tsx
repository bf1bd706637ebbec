'use client';

import type { Ref } from 'react';
import type { Slot } from './api';
import { dayLabel } from './calendar-dates';
import { formatTime } from './format';
import styles from './booking.module.css';

type Props = {
  ref?: Ref<HTMLElement>;
  date: string | null;
  /** The chosen day's open times; null while they load. */
  slots: Slot[] | null;
  zone: string;
  hour12: boolean;
  /** Start of the meeting being moved: shown, but not offered again. */
  currentStart: string | null;
  /** What to say when no day is chosen. */
  emptyMessage: string;
  onPick: (slot: Slot) => void;
};

/** The open times of the chosen day, in the chosen zone. */
export function SlotList({
  ref,
  date,
  slots,
  zone,
  hour12,
  currentStart,
  emptyMessage,
  onPick,
}: Props) {
  if (!date) {
    return (
      <section ref={ref} className={styles.times} aria-label="Open times">
        <p className={styles.placeholder}>{emptyMessage}</p>
      </section>
    );
  }
  const currentMs = currentStart ? Date.parse(currentStart) : NaN;
  return (
    <section ref={ref} className={styles.times} aria-labelledby="slot-day" data-testid="slot-list">
      <h3 id="slot-day" className={styles.timesHeading}>
        {dayLabel(date)}
      </h3>
      {slots === null ? (
        <ul className={styles.slotList} aria-busy="true" aria-label="Loading open times">
          {Array.from({ length: 6 }, (_, i) => (
            <li key={i} className={styles.skeleton} />
          ))}
        </ul>
      ) : slots.length === 0 ? (
        <p className={styles.placeholder}>No open times on this day in your time zone.</p>
      ) : (
        <ul className={styles.slotList}>
          {slots.map((slot) => {
            const start = Date.parse(slot.start);
            const label = formatTime(start, zone, hour12);
            const isCurrent = start === currentMs;
            return (
              <li key={slot.start}>
                <button
                  type="button"
                  className={styles.slot}
                  data-start={slot.start}
                  disabled={isCurrent}
                  aria-label={
                    isCurrent ? `${label}, your current time` : `${label}, ${dayLabel(date)}`
                  }
                  onClick={() => onPick(slot)}
                >
                  {isCurrent ? `${label} · current` : label}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
