import { computeSlots } from './compute-slots';
import { SpanCollector, type Spans } from './spans';
import type { Interval, SlotParticipant, SlotRules } from './types';

/** Shorthands for the slot unit tests (test-only module). */

export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad ISO instant ${iso}`);
  return ms;
};

/** The union of [start, end) pairs, as the engine keeps them. */
export const spansOf = (pairs: [number, number][]): Spans => {
  const collector = new SpanCollector(pairs.length);
  for (const [start, end] of pairs) collector.add(start, end);
  return collector.union();
};

/** Whether `x` lies in `spans`, by looking at every span. */
export const has = (spans: Spans, x: number): boolean => {
  for (let i = 0; i < spans.length; i++)
    if (spans.starts[i]! <= x && x < spans.ends[i]!) return true;
  return false;
};

export const span = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });

export const toIso = (instants: number[]): string[] =>
  instants.map((t) => new Date(t).toISOString());

export const baseRules: SlotRules = {
  timezone: 'UTC',
  openHours: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '09:00', end: '17:00' }],
  duration: 30,
  slotInterval: 30,
  bufferMinutes: 0,
  minimumNoticeMinutes: 0,
  bookingHorizonDays: 365,
};

export type SlotCase = {
  rules?: Partial<SlotRules>;
  participants?: SlotParticipant[];
  /** ISO; defaults to a day before `from`. */
  now?: string;
  from: string;
  to: string;
  limit?: number;
};

/** Offered starts as ISO strings, for readable expectations. */
export function offered(testCase: SlotCase): string[] {
  const start = at(testCase.from);
  return toIso(
    computeSlots({
      rules: { ...baseRules, ...testCase.rules },
      participants: testCase.participants ?? [],
      now: testCase.now === undefined ? start - 86_400_000 : at(testCase.now),
      range: { start, end: at(testCase.to) },
      limit: testCase.limit,
    }),
  );
}

export const busy = (...intervals: Interval[]): SlotParticipant => ({
  freeTime: { kind: 'busy', intervals },
  booked: [],
});

export const free = (...intervals: Interval[]): SlotParticipant => ({
  freeTime: { kind: 'free', intervals },
  booked: [],
});
