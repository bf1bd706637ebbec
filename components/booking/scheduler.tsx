'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { fetchSlots, type Slot } from './api';
import { addMonths, dayLabel, firstDayOf, lastDayOf, monthLabel, monthOf } from './calendar-dates';
import { dateInZone } from './format';
import { HourCycleToggle } from './hour-cycle-toggle';
import { MonthCalendar } from './month-calendar';
import { SlotList } from './slot-list';
import { TimeZoneSelect } from './time-zone-select';
import styles from './booking.module.css';

export type PickerState = {
  month: string | null;
  selected: string | null;
  /** Whether the candidate moved between months (then an empty month is not skipped for them). */
  navigated: boolean;
};

type Props = {
  token: string;
  /** The meeting zone: used for "today" until the browser's zone is known. */
  meetingZone: string;
  bookingHorizonEnd: string;
  zone: string | null;
  onZoneChange: (zone: string) => void;
  hour12: boolean;
  onHour12Change: (hour12: boolean) => void;
  /** Epoch ms of the page render. */
  now: number;
  picker: PickerState;
  onPickerChange: (picker: PickerState) => void;
  currentStart: string | null;
  onPick: (slot: Slot) => void;
};

type Range = { from: string; to: string };

function rangeOf(month: string, today: string, last: string): Range {
  const first = firstDayOf(month);
  const end = lastDayOf(month);
  return { from: first > today ? first : today, to: end < last ? end : last };
}

export const slotsKey = (token: string) => ['slots', token] as const;

/** Time zone and clock controls, the month calendar and the chosen day's times. */
export function Scheduler(props: Props) {
  const { token, zone, hour12, now, picker, onPickerChange } = props;
  const queryClient = useQueryClient();
  const viewZone = zone ?? props.meetingZone;
  const today = dateInZone(now, viewZone);
  const lastDay = dateInZone(Date.parse(props.bookingHorizonEnd) - 1, viewZone);
  const minMonth = monthOf(today);
  const maxMonth = monthOf(lastDay) < minMonth ? minMonth : monthOf(lastDay);
  const month = clamp(picker.month ?? minMonth, minMonth, maxMonth);
  const range = rangeOf(month, today, lastDay);
  const hasRange = range.from <= range.to;

  const query = useQuery({
    queryKey: [...slotsKey(token), zone, range.from, range.to],
    queryFn: ({ signal }) => fetchSlots(token, { ...range, timezone: zone! }, signal),
    enabled: zone !== null && hasRange,
  });

  const byDate = useMemo(() => {
    if (!query.data || !zone) return null;
    const map = new Map<string, Slot[]>();
    for (const slot of query.data.slots) {
      const date = dateInZone(Date.parse(slot.start), zone);
      const list = map.get(date);
      if (list) list.push(slot);
      else map.set(date, [slot]);
    }
    return map;
  }, [query.data, zone]);

  const isEmptyMonth = zone !== null && (!hasRange || (byDate !== null && byDate.size === 0));
  const counts = useMemo(
    () =>
      isEmptyMonth
        ? new Map<string, number>()
        : byDate && new Map([...byDate].map(([d, s]) => [d, s.length])),
    [byDate, isEmptyMonth],
  );

  // Like Calendly: when the first month shown has nothing left, move on to the next one.
  useEffect(() => {
    if (picker.navigated || !isEmptyMonth || month >= maxMonth) return;
    onPickerChange({ ...picker, month: addMonths(month, 1) });
  }, [picker, isEmptyMonth, month, maxMonth, onPickerChange]);

  // Warm the next month so paging through the calendar feels instant.
  useEffect(() => {
    if (!zone || !query.data || month >= maxMonth) return;
    const next = rangeOf(addMonths(month, 1), today, lastDay);
    if (next.from > next.to) return;
    void queryClient.prefetchQuery({
      queryKey: [...slotsKey(token), zone, next.from, next.to],
      queryFn: ({ signal }) => fetchSlots(token, { ...next, timezone: zone }, signal),
    });
  }, [queryClient, token, zone, query.data, month, maxMonth, today, lastDay]);

  const selected = picker.selected && monthOf(picker.selected) === month ? picker.selected : null;

  // On a phone the times are below the calendar: bring them into view when a day is picked.
  const timesRef = useRef<HTMLElement>(null);
  const revealTimes = useRef(false);
  useEffect(() => {
    if (!revealTimes.current || !selected) return;
    revealTimes.current = false;
    const box = timesRef.current?.getBoundingClientRect();
    if (box && box.top > window.innerHeight - 120) {
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      timesRef.current?.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    }
  }, [selected]);
  const daySlots = selected ? (byDate ? (byDate.get(selected) ?? []) : null) : null;
  const isLoading = counts === null && !query.isError;

  let status: string;
  if (query.isError) status = 'Open times could not be loaded.';
  else if (isLoading) status = 'Loading open times…';
  else if (selected && daySlots)
    status = `${countLabel(daySlots.length)} on ${dayLabel(selected)}.`;
  else if (counts && counts.size > 0)
    status = `${counts.size} ${counts.size === 1 ? 'day has' : 'days have'} open times in ${monthLabel(month)}.`;
  else status = `No open times in ${monthLabel(month)}.`;

  const emptyMessage = isEmptyMonth
    ? month < maxMonth
      ? `No open times in ${monthLabel(month)}. Try the next month.`
      : 'No open times are left. Please check back later.'
    : 'Select a day to see its open times.';

  return (
    <div>
      <div className={styles.toolbar}>
        <TimeZoneSelect value={zone} onChange={props.onZoneChange} now={now} />
        <HourCycleToggle hour12={hour12} onChange={props.onHour12Change} />
      </div>
      <div className={styles.picker}>
        <div>
          <MonthCalendar
            month={month}
            minMonth={minMonth}
            maxMonth={maxMonth}
            today={zone ? today : null}
            selected={selected}
            counts={counts}
            onSelect={(date) => {
              onPickerChange({ ...picker, month, selected: date });
              revealTimes.current = true;
            }}
            onMonthChange={(next) => onPickerChange({ ...picker, month: next, navigated: true })}
          />
          {query.isError ? (
            <div className={`${styles.notice} ${styles.noticeError}`}>
              <span>We couldn’t load the open times.</span>
              <button
                type="button"
                className={`${styles.button} ${styles.secondary}`}
                onClick={() => void query.refetch()}
              >
                Try again
              </button>
            </div>
          ) : null}
        </div>
        <SlotList
          ref={timesRef}
          date={selected}
          slots={daySlots}
          zone={viewZone}
          hour12={hour12}
          currentStart={props.currentStart}
          emptyMessage={emptyMessage}
          onPick={props.onPick}
        />
      </div>
      <p role="status" aria-live="polite" className={styles.srOnly}>
        {status}
      </p>
    </div>
  );
}

function clamp(month: string, min: string, max: string): string {
  if (month < min) return min;
  return month > max ? max : month;
}

function countLabel(n: number): string {
  if (n === 0) return 'No open times';
  return n === 1 ? '1 open time' : `${n} open times`;
}
