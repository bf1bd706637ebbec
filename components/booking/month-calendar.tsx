'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  addDays,
  addMonths,
  firstDayOf,
  monthGrid,
  monthOf,
  shiftMonthKeepingDay,
  weekdayOf,
  type WeekStart,
} from '@/lib/domain/time/calendar-date';
import { useText } from './booking-text';
import { fill, plural } from './i18n/format-message';
import type { ClientMessages } from './i18n/messages';
import { fullDayLabel, monthLabel } from './format';
import { ChevronLeftIcon, ChevronRightIcon } from './icons';
import styles from './booking.module.css';

type Props = {
  /** The month shown, `YYYY-MM`. */
  month: string;
  minMonth: string;
  maxMonth: string;
  /** Today in the chosen zone (null until the zone is known). */
  today: string | null;
  selected: string | null;
  /** How many open times each date has; null while they load. */
  counts: Map<string, number> | null;
  onSelect: (date: string) => void;
  onMonthChange: (month: string) => void;
};

/**
 * A month as an ARIA grid with a roving tabindex: one day is in the tab order, arrow keys move
 * between days (and across months), Home/End to the week's ends, Page Up/Down by month, Enter or
 * Space picks. Days without open times stay focusable but are marked disabled.
 */
export function MonthCalendar(props: Props) {
  const { month, minMonth, maxMonth, today, selected, counts, onSelect, onMonthChange } = props;
  const { messages, locale, weekStartsOn } = useText();
  const labelId = useId();
  const [focusDate, setFocusDate] = useState<string | null>(null);
  const shouldFocus = useRef(false);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const countOf = (date: string) => counts?.get(date) ?? 0;
  const tabbable = pickTabbable({ month, focusDate, selected, today, counts });

  useEffect(() => {
    if (!shouldFocus.current) return;
    shouldFocus.current = false;
    buttons.current.get(tabbable)?.focus();
  });

  const goToMonth = (target: string) => {
    if (target < minMonth || target > maxMonth) return;
    onMonthChange(target);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, date: string) => {
    const next = keyTarget(event.key, date, weekStartsOn);
    if (!next) return;
    event.preventDefault();
    const target = monthOf(next);
    if (target < minMonth || target > maxMonth) return;
    setFocusDate(next);
    shouldFocus.current = true;
    if (target !== month) onMonthChange(target);
  };

  const canPrev = month > minMonth;
  const canNext = month < maxMonth;

  return (
    <div>
      <div className={styles.monthHeader}>
        <button
          type="button"
          className={styles.iconButton}
          aria-label={messages.previousMonth}
          aria-disabled={!canPrev}
          onClick={() => goToMonth(addMonths(month, -1))}
        >
          <ChevronLeftIcon />
        </button>
        <h3 id={labelId} className={styles.monthLabel} data-month={month}>
          {monthLabel(month, locale)}
        </h3>
        <button
          type="button"
          className={styles.iconButton}
          aria-label={messages.nextMonth}
          aria-disabled={!canNext}
          onClick={() => goToMonth(addMonths(month, 1))}
        >
          <ChevronRightIcon />
        </button>
      </div>
      <table
        role="grid"
        aria-labelledby={labelId}
        className={styles.grid}
        data-state={counts ? 'ready' : 'loading'}
      >
        <thead>
          <tr>
            {weekdayOrder(weekStartsOn).map((day) => (
              <th key={day} scope="col" abbr={messages.weekdaysLong[day]}>
                {messages.weekdaysShort[day]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(month, weekStartsOn).map((week, w) => (
            <tr key={w}>
              {week.map((date, d) => {
                if (!date) return <td key={d} role="gridcell" />;
                const count = countOf(date);
                const isAvailable = count > 0;
                const isSelected = date === selected;
                const className = [
                  styles.day,
                  isAvailable ? styles.dayAvailable : '',
                  isSelected && isAvailable ? styles.daySelected : '',
                  date === today ? styles.dayToday : '',
                ].join(' ');
                return (
                  <td key={d} role="gridcell" aria-selected={isSelected && isAvailable}>
                    <button
                      ref={(el) => {
                        if (el) buttons.current.set(date, el);
                        else buttons.current.delete(date);
                      }}
                      type="button"
                      className={className}
                      data-date={date}
                      tabIndex={date === tabbable ? 0 : -1}
                      aria-disabled={!isAvailable}
                      aria-current={date === today ? 'date' : undefined}
                      aria-label={fill(messages.dayLabel, {
                        date: fullDayLabel(date, locale),
                        count: countText(counts, count, messages, locale),
                      })}
                      onKeyDown={(event) => onKeyDown(event, date)}
                      onFocus={() => setFocusDate(date)}
                      onClick={() => {
                        setFocusDate(date);
                        if (isAvailable) onSelect(date);
                      }}
                    >
                      {Number(date.slice(8, 10))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function countText(
  counts: Map<string, number> | null,
  count: number,
  messages: ClientMessages,
  locale: string,
): string {
  if (!counts) return messages.loadingOpenTimes;
  if (count === 0) return messages.noOpenTimes;
  return plural(messages.openTimesCount, count, locale);
}

/** The weekdays (0 = Sunday) in the order the calendar's columns show them. */
function weekdayOrder(weekStartsOn: WeekStart): number[] {
  return Array.from({ length: 7 }, (_, i) => (i + weekStartsOn) % 7);
}

function keyTarget(key: string, date: string, weekStartsOn: WeekStart): string | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1);
    case 'ArrowRight':
      return addDays(date, 1);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'Home':
      return addDays(date, -((weekdayOf(date) - weekStartsOn + 7) % 7));
    case 'End':
      return addDays(date, 6 - ((weekdayOf(date) - weekStartsOn + 7) % 7));
    case 'PageUp':
      return shiftMonthKeepingDay(date, -1);
    case 'PageDown':
      return shiftMonthKeepingDay(date, 1);
    default:
      return null;
  }
}

/** The one day in the tab order: the last focused, else the chosen, first open, today, or the 1st. */
function pickTabbable(p: {
  month: string;
  focusDate: string | null;
  selected: string | null;
  today: string | null;
  counts: Map<string, number> | null;
}): string {
  const inMonth = (date: string | null): date is string => !!date && monthOf(date) === p.month;
  if (inMonth(p.focusDate)) return p.focusDate;
  if (inMonth(p.selected)) return p.selected;
  const firstOpen = [...(p.counts?.entries() ?? [])]
    .filter(([date, n]) => n > 0 && inMonth(date))
    .map(([date]) => date)
    .sort()[0];
  if (firstOpen) return firstOpen;
  if (inMonth(p.today)) return p.today;
  return firstDayOf(p.month);
}
