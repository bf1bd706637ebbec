'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import {
  addDays,
  addMonths,
  firstDayOf,
  lastDayOf,
  monthOf,
} from '@/lib/domain/time/calendar-date';
import { fromStartRuns, type StartRun } from '@/lib/domain/slots/start-runs';
import { fetchSlots } from './api';
import { useText } from './booking-text';
import { fill, plural } from './i18n/format-message';
import { dateInZone, datesInZone, dayLabel, monthLabel } from './format';
import { HourCycleToggle } from './hour-cycle-toggle';
import { AlertIcon } from './icons';
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

/**
 * The open times the page's HTML came with: every offered start from the render until `until`
 * (epoch ms), as runs. A month whose times all lie inside is shown from it, without a request.
 */
export type InitialSlots = { until: number; runs: readonly StartRun[] };

const expanded = new WeakMap<InitialSlots, number[]>();

/** The initial slots' starts, expanded once per page (epoch ms, ascending). */
function initialStarts(initial: InitialSlots): number[] {
  let starts = expanded.get(initial);
  if (!starts) {
    starts = fromStartRuns(initial.runs);
    expanded.set(initial, starts);
  }
  return starts;
}

type Props = {
  token: string;
  zone: string;
  onZoneChange: (zone: string) => void;
  hour12: boolean;
  onHour12Change: (hour12: boolean) => void;
  /** Epoch ms of the page render. */
  now: number;
  bookingHorizonEnd: string;
  /** Minutes. */
  duration: number;
  initialSlots: InitialSlots | null;
  picker: PickerState;
  onPickerChange: (picker: PickerState) => void;
  currentStart: string | null;
  /** A start was chosen (epoch ms). */
  onPick: (start: number) => void;
};

/** A range's open times, as the picker keeps them: starts in epoch ms, ascending. */
type RangeStarts = { starts: number[] };

type Range = { from: string; to: string };

function rangeOf(month: string, today: string, last: string): Range {
  const first = firstDayOf(month);
  const end = lastDayOf(month);
  return { from: first > today ? first : today, to: end < last ? end : last };
}

export const slotsKey = (token: string) => ['slots', token] as const;

/** Local midnight of any date, in any zone, is no later than 12:00 UTC of that date (UTC−12). */
const LATEST_MIDNIGHT_MS = 12 * 3_600_000;

/** The month's times from the page's own data, when it covers the whole month in `zone`. */
function fromInitial(
  initial: InitialSlots | null,
  range: Range,
  zone: string,
  horizonEnd: number,
): RangeStarts | undefined {
  if (!initial) return undefined;
  const rangeEnd = Date.parse(`${addDays(range.to, 1)}T00:00:00Z`) + LATEST_MIDNIGHT_MS;
  if (initial.until < horizonEnd && initial.until < rangeEnd) return undefined;
  const starts = initialStarts(initial);
  const dates = datesInZone(starts, zone);
  return { starts: starts.filter((_, i) => dates[i]! >= range.from && dates[i]! <= range.to) };
}

async function fetchStarts(
  token: string,
  range: Range & { timezone: string },
  signal: AbortSignal,
): Promise<RangeStarts> {
  const { slots } = await fetchSlots(token, range, signal);
  return { starts: slots.map((slot) => Date.parse(slot.start)) };
}

/** Time zone and clock controls, the month calendar and the chosen day's times. */
export function Scheduler(props: Props) {
  const { token, zone, hour12, now, picker, onPickerChange } = props;
  const { messages, locale } = useText();
  const queryClient = useQueryClient();
  const horizonEnd = Date.parse(props.bookingHorizonEnd);
  const today = dateInZone(now, zone);
  const lastDay = dateInZone(horizonEnd - 1, zone);
  const minMonth = monthOf(today);
  const maxMonth = monthOf(lastDay) < minMonth ? minMonth : monthOf(lastDay);
  const month = clamp(picker.month ?? minMonth, minMonth, maxMonth);
  const range = rangeOf(month, today, lastDay);
  const hasRange = range.from <= range.to;
  const initial = fromInitial(props.initialSlots, range, zone, horizonEnd);

  const query = useQuery({
    queryKey: [...slotsKey(token), zone, range.from, range.to],
    queryFn: ({ signal }) => fetchStarts(token, { ...range, timezone: zone }, signal),
    enabled: hasRange,
    initialData: initial,
    initialDataUpdatedAt: now,
  });

  const byDate = useMemo(() => {
    if (!query.data) return null;
    const { starts } = query.data;
    const dates = datesInZone(starts, zone);
    const map = new Map<string, number[]>();
    starts.forEach((start, i) => {
      const list = map.get(dates[i]!);
      if (list) list.push(start);
      else map.set(dates[i]!, [start]);
    });
    return map;
  }, [query.data, zone]);

  const isEmptyMonth = !hasRange || (byDate !== null && byDate.size === 0);
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
    if (!query.data || month >= maxMonth) return;
    const next = rangeOf(addMonths(month, 1), today, lastDay);
    if (next.from > next.to) return;
    if (fromInitial(props.initialSlots, next, zone, horizonEnd)) return;
    void queryClient.prefetchQuery({
      queryKey: [...slotsKey(token), zone, next.from, next.to],
      queryFn: ({ signal }) => fetchStarts(token, { ...next, timezone: zone }, signal),
    });
  }, [
    queryClient,
    token,
    zone,
    query.data,
    month,
    maxMonth,
    today,
    lastDay,
    props.initialSlots,
    horizonEnd,
  ]);

  const selected = picker.selected && monthOf(picker.selected) === month ? picker.selected : null;

  // On a phone the times are below the calendar: bring them into view when a day is picked, and
  // when the view opens on a chosen day (back from confirming, or moving a booking).
  const timesRef = useRef<HTMLElement>(null);
  const revealTimes = useRef(selected !== null);
  useEffect(() => {
    if (!revealTimes.current || !selected || !byDate) return;
    revealTimes.current = false;
    const box = timesRef.current?.getBoundingClientRect();
    if (box && box.top > window.innerHeight - 120) {
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      timesRef.current?.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    }
  }, [selected, byDate]);

  if (query.isError && !query.data) {
    return (
      <div className={styles.stateCard} role="alert" data-testid="times-error">
        <AlertIcon className={`${styles.statusIcon} ${styles.statusIconMuted}`} />
        <h3 className={styles.subheading}>{messages.timesFailedHeading}</h3>
        <p className={styles.muted}>{messages.timesFailedLead}</p>
        <div className={styles.actions}>
          <button
            type="button"
            className={`${styles.button} ${styles.primary}`}
            onClick={() => void query.refetch()}
          >
            {messages.tryAgain}
          </button>
        </div>
      </div>
    );
  }

  const daySlots = selected ? (byDate ? (byDate.get(selected) ?? []) : null) : null;
  const isLoading = counts === null;
  const monthName = monthLabel(month, locale);
  let status: string;
  if (isLoading) status = messages.statusLoading;
  else if (selected && daySlots)
    status = fill(messages.statusDay, {
      count:
        daySlots.length === 0
          ? messages.noOpenTimes
          : plural(messages.openTimesCount, daySlots.length, locale),
      day: dayLabel(selected, locale),
    });
  else if (counts.size > 0)
    status = plural(messages.statusMonth, counts.size, locale, { month: monthName });
  else status = fill(messages.statusMonthEmpty, { month: monthName });

  const emptyMessage = isEmptyMonth
    ? month < maxMonth
      ? fill(messages.monthEmptyTryNext, { month: monthName })
      : messages.noTimesLeft
    : messages.selectDay;

  return (
    <div>
      <div className={styles.toolbar}>
        <TimeZoneSelect value={zone} onChange={props.onZoneChange} now={now} hour12={hour12} />
        <HourCycleToggle hour12={hour12} onChange={props.onHour12Change} />
      </div>
      <div className={styles.picker}>
        <MonthCalendar
          month={month}
          minMonth={minMonth}
          maxMonth={maxMonth}
          today={today}
          selected={selected}
          counts={counts}
          onSelect={(date) => {
            onPickerChange({ ...picker, month, selected: date });
            revealTimes.current = true;
          }}
          onMonthChange={(next) => onPickerChange({ ...picker, month: next, navigated: true })}
        />
        <SlotList
          ref={timesRef}
          date={selected}
          starts={daySlots}
          zone={zone}
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
