'use client';

import { useEffect, useRef, useState, type Ref } from 'react';
import { useText } from './booking-text';
import { fill, plural } from './i18n/format-message';
import { dayLabel, formatTime } from './format';
import styles from './booking.module.css';

type Props = {
  ref?: Ref<HTMLElement>;
  date: string | null;
  /** The chosen day's open times (epoch ms); null while they load. */
  starts: number[] | null;
  zone: string;
  hour12: boolean;
  /** Start of the meeting being moved: shown, but not offered again. */
  currentStart: string | null;
  /** What to say when no day is chosen. */
  emptyMessage: string;
  onPick: (start: number) => void;
};

/**
 * The open times of the chosen day, in the chosen zone. On a wide screen the list scrolls beside
 * the calendar; the heading counts the times and a cue says when more are below the fold.
 */
export function SlotList(props: Props) {
  const { ref, date, starts, zone, hour12, currentStart, emptyMessage, onPick } = props;
  const { messages, locale } = useText();
  const listRef = useRef<HTMLUListElement>(null);
  const hasMoreBelow = useHasMoreBelow(listRef, starts?.length ?? 0);
  if (!date) {
    return (
      <section ref={ref} className={styles.times} aria-label={messages.openTimes}>
        <p className={styles.placeholder}>{emptyMessage}</p>
      </section>
    );
  }
  const currentMs = currentStart ? Date.parse(currentStart) : NaN;
  const day = dayLabel(date, locale);
  return (
    <section ref={ref} className={styles.times} aria-labelledby="slot-day" data-testid="slot-list">
      <h3 id="slot-day" className={styles.timesHeading}>
        {day}
        {starts && starts.length > 0 ? (
          <span className={styles.timesCount} data-testid="slot-count">
            {plural(messages.openTimesCount, starts.length, locale)}
          </span>
        ) : null}
      </h3>
      {starts === null ? (
        <ul className={styles.slotList} aria-busy="true" aria-label={messages.loadingOpenTimes}>
          {Array.from({ length: 6 }, (_, i) => (
            <li key={i} className={styles.skeleton} />
          ))}
        </ul>
      ) : starts.length === 0 ? (
        <p className={styles.placeholder}>{messages.noTimesThisDay}</p>
      ) : (
        <>
          <ul ref={listRef} className={styles.slotList}>
            {starts.map((start) => {
              const iso = new Date(start).toISOString();
              const label = formatTime(start, zone, hour12, locale);
              const isCurrent = start === currentMs;
              const text = isCurrent ? fill(messages.currentTime, { time: label }) : label;
              return (
                <li key={start}>
                  <button
                    type="button"
                    className={styles.slot}
                    data-start={iso}
                    disabled={isCurrent}
                    aria-label={fill(messages.timeLabel, { time: text, day })}
                    onClick={() => onPick(start)}
                  >
                    {text}
                  </button>
                </li>
              );
            })}
          </ul>
          <p
            className={styles.moreBelow}
            data-testid="more-times"
            hidden={!hasMoreBelow}
            aria-hidden="true"
          >
            {messages.moreTimesBelow}
          </p>
        </>
      )}
    </section>
  );
}

/** Whether the list scrolls and is not scrolled to its end (so later times are out of sight). */
function useHasMoreBelow(listRef: React.RefObject<HTMLUListElement | null>, count: number) {
  const [hasMore, setHasMore] = useState(false);
  useEffect(() => {
    const list = listRef.current;
    if (!list) return setHasMore(false);
    const update = () => setHasMore(list.scrollHeight - list.scrollTop - list.clientHeight > 4);
    update();
    list.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(list);
    return () => {
      list.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, [listRef, count]);
  return hasMore;
}
