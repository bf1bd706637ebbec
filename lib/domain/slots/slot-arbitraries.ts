import fc from 'fast-check';
import type {
  ComputeSlotsInput,
  Interval,
  OpenHoursWindow,
  ParticipantLoad,
  SlotParticipant,
} from './types';

/** fast-check generators of random panels for the property tests (test-only module). */

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Ordinary, fractional-offset, southern, date-line and midnight-DST zones. */
export const propertyZones = [
  'UTC',
  'America/New_York',
  'Europe/London',
  'Europe/Dublin',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Pacific/Auckland',
  'America/Santiago',
  'America/Havana',
  'America/Asuncion',
  'Asia/Beirut',
  'Africa/Casablanca',
  'Antarctica/Troll',
  'America/St_Johns',
  'Asia/Tehran',
  'America/Scoresbysund',
] as const;

/**
 * Instants next to the offset changes of each zone in the given UTC years, found by an hourly scan
 * with Intl (independent of the engine's own transition search), so runs land on DST days often.
 */
export function offsetChangesNear(zone: string, years: number[]): number[] {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  const found: number[] = [];
  for (const year of years) {
    const offsetAt = (t: number) => format.format(t).split(' ').pop();
    let previous = offsetAt(Date.UTC(year, 0, 1));
    for (let t = Date.UTC(year, 0, 1) + HOUR; t < Date.UTC(year + 1, 0, 1); t += HOUR) {
      const reading = offsetAt(t);
      if (reading !== previous) found.push(t);
      previous = reading;
    }
  }
  return found;
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) =>
  minutes === 1440 ? '24:00' : `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

// Boundaries at the hours where clocks change (00:00 to 03:00, 02:45 in Chatham) matter most.
const boundaryMinutes = [0, 30, 60, 90, 120, 150, 165, 180, 210, 225, 1380, 1410, 1440];
const minuteOfDay = fc.oneof(
  fc.constantFrom(...boundaryMinutes),
  fc.integer({ min: 0, max: 288 }).map((n) => n * 5),
  fc.integer({ min: 0, max: 1440 }),
);

const openHoursWindow: fc.Arbitrary<OpenHoursWindow> = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    a: minuteOfDay,
    b: minuteOfDay,
  })
  .filter(({ a, b }) => a !== b)
  .map(({ days, a, b }) => ({ days, start: hhmm(Math.min(a, b)), end: hhmm(Math.max(a, b)) }));

/** On a 5-minute boundary, at an arbitrary millisecond, or (rarely) between two milliseconds. */
const offsetFrom = (base: number, min: number, max: number) =>
  fc.oneof(
    {
      arbitrary: fc
        .integer({ min: min / (5 * MINUTE), max: max / (5 * MINUTE) })
        .map((n) => base + n * 5 * MINUTE),
      weight: 5,
    },
    { arbitrary: fc.integer({ min, max }).map((n) => base + n), weight: 5 },
    { arbitrary: fc.integer({ min, max }).map((n) => base + n + 0.25), weight: 1 },
  );

const interval = (base: number, maxLength: number): fc.Arbitrary<Interval> =>
  fc
    .tuple(offsetFrom(base, -DAY, 4 * DAY), offsetFrom(0, -HOUR, maxLength))
    .map(([start, length]) => ({ start, end: start + length }));

/** Limits of 0–3 a day and 0–6 a week over meetings in the 8 days around `base`, or none. */
const load = (base: number): fc.Arbitrary<ParticipantLoad | undefined> =>
  fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 2 },
    {
      arbitrary: fc.record({
        maxPerDay: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3 })),
        maxPerWeek: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 6 })),
        meetingStarts: fc.array(offsetFrom(base, -8 * DAY, 8 * DAY), { maxLength: 8 }),
      }),
      weight: 3,
    },
  );

const participant = (base: number): fc.Arbitrary<SlotParticipant> =>
  fc.record({
    load: load(base),
    freeTime: fc.oneof(
      fc.record({
        kind: fc.constant('free' as const),
        intervals: fc.array(interval(base, 40 * HOUR), { maxLength: 10 }),
      }),
      fc.record({
        kind: fc.constant('busy' as const),
        intervals: fc.array(interval(base, 6 * HOUR), { maxLength: 10 }),
      }),
    ),
    booked: fc.array(interval(base, 3 * HOUR), { maxLength: 3 }),
  });

/** A random panel whose `now` lies within a few days of `anchor` (epoch ms). */
export function slotsInput(zone: string, anchor: number): fc.Arbitrary<ComputeSlotsInput> {
  return offsetFrom(anchor, -3 * DAY, DAY).chain((now) =>
    fc.record({
      rules: fc.record({
        timezone: fc.constant(zone),
        openHours: fc.array(openHoursWindow, { minLength: 1, maxLength: 4 }),
        duration: fc.oneof(
          { arbitrary: fc.constantFrom(15, 30, 45, 60), weight: 3 },
          { arbitrary: fc.integer({ min: 1, max: 120 }), weight: 2 },
          { arbitrary: fc.constantFrom(90, 240, 1440), weight: 1 },
        ),
        slotInterval: fc.oneof(
          { arbitrary: fc.constantFrom(5, 10, 15, 20, 30, 45, 60, 7, 13), weight: 4 },
          { arbitrary: fc.integer({ min: 5, max: 720 }), weight: 1 },
        ),
        bufferMinutes: fc.integer({ min: 0, max: 24 }).map((n) => n * 5),
        minimumNoticeMinutes: fc.oneof(
          fc.constant(0),
          fc.integer({ min: 0, max: 600 }),
          fc.integer({ min: 0, max: 2000 }),
        ),
        bookingHorizonDays: fc.integer({ min: 1, max: 6 }),
      }),
      participants: fc.array(participant(now), { maxLength: 3 }),
      method: fc.constantFrom(undefined, 'COLLECTIVE' as const, 'ROUND_ROBIN' as const),
      now: fc.constant(now),
      range: fc
        .tuple(offsetFrom(now, -DAY / 2, 2 * DAY), offsetFrom(0, 0, (5 * DAY) / 2))
        .map(([start, length]) => ({ start, end: start + length })),
      limit: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 4 },
        { arbitrary: fc.integer({ min: 0, max: 15 }), weight: 1 },
      ),
    }),
  );
}
