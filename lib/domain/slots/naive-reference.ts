import type { ComputeSlotsInput, Interval, SlotParticipant } from './types';

/**
 * A deliberately naive computeSlots for tests and the benchmark: it reads the meeting zone's wall
 * clock minute by minute and checks DESIGN §4 literally, sharing no code with the engine. Slow by
 * design (one Intl call per minute of the searched days). Assumes whole-minute UTC offsets, true of
 * every zone since 1972.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

// "sv-SE" prints "2026-03-08 03:00": readings that compare correctly as plain strings. A cached
// Intl formatter, not date-fns-tz per minute, only to keep thousands of property runs fast.
function wallReader(timezone: string): (instant: number) => string {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (instant) => format.format(instant);
}

const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function isCoveredByUnion(start: number, end: number, intervals: Interval[]): boolean {
  let reached = start;
  while (reached < end) {
    let next = reached;
    for (const interval of intervals) {
      if (interval.start <= reached && reached < interval.end) next = Math.max(next, interval.end);
    }
    if (next === reached) return false;
    reached = next;
  }
  return true;
}

const overlaps = (a: Interval, start: number, end: number) =>
  a.start < a.end && a.start < end && start < a.end;

/** "YYYY-MM-DD" of the Monday of the ISO week holding `date`, by plain calendar arithmetic. */
function mondayOf(date: string): string {
  const noon = Date.parse(`${date}T12:00:00Z`);
  const weekday = (new Date(noon).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return utcDate(noon - weekday * DAY);
}

/**
 * Rule 5 read literally: the participant's meeting starts on the same local date (or in the same
 * ISO week) of the meeting zone as `date`, counted one by one.
 */
function isAtLimit(participant: SlotParticipant, date: string, read: (t: number) => string) {
  const load = participant.load;
  if (!load) return false;
  const dates = load.meetingStarts.map((start) => read(start).slice(0, 10));
  const { maxPerDay, maxPerWeek } = load;
  if (typeof maxPerDay === 'number' && dates.filter((d) => d === date).length >= maxPerDay) {
    return true;
  }
  if (typeof maxPerWeek === 'number') {
    const monday = mondayOf(date);
    if (dates.filter((d) => mondayOf(d) === monday).length >= maxPerWeek) return true;
  }
  return false;
}

export function computeSlotsNaive(input: ComputeSlotsInput): number[] {
  const { rules, participants, now, range } = input;
  const duration = rules.duration * MINUTE;
  const buffer = rules.bufferMinutes * MINUTE;
  const from = Math.max(range.start, now + rules.minimumNoticeMinutes * MINUTE);
  const to = Math.min(range.end, now + rules.bookingHorizonDays * DAY);
  if (!(from < to)) return [];

  // Every minute from well before the first searched date to well after the last one.
  const read = wallReader(rules.timezone);
  const scanStart = Math.floor(from / DAY) * DAY - 3 * DAY;
  const scanEnd = Math.ceil(to / DAY) * DAY + 4 * DAY;
  const walls: string[] = [];
  for (let t = scanStart; t < scanEnd; t += MINUTE) walls.push(read(t));
  const instantAt = (index: number) => scanStart + index * MINUTE;

  // Window instances of every date that could matter, with the documented boundary policy spelled
  // out on the readings: a boundary read twice takes its first instant as a start and its last as
  // an end; one never read (a gap) takes the first instant reading later than it.
  const boundary = (wall: string, edge: 'start' | 'end') => {
    const index = edge === 'start' ? walls.indexOf(wall) : walls.lastIndexOf(wall);
    const found = index !== -1 ? index : walls.findIndex((reading) => reading > wall);
    return found === -1 ? undefined : instantAt(found);
  };
  const windows: Interval[] = [];
  for (let day = Math.floor(from / DAY) * DAY - 2 * DAY; day <= to + 2 * DAY; day += DAY) {
    const date = utcDate(day);
    const weekday = new Date(day).getUTCDay();
    for (const window of rules.openHours) {
      if (!window.days.includes(weekday)) continue;
      const endWall =
        window.end === '24:00' ? `${utcDate(day + DAY)} 00:00` : `${date} ${window.end}`;
      const start = boundary(`${date} ${window.start}`, 'start');
      const end = boundary(endWall, 'end');
      if (start !== undefined && end !== undefined) windows.push({ start, end });
    }
  }

  const offered: number[] = [];
  for (let t = Math.ceil(from / MINUTE) * MINUTE; t < to; t += MINUTE) {
    if (input.limit !== undefined && offered.length >= input.limit) break;
    const wall = walls[(t - scanStart) / MINUTE]!;
    const minutes = Number(wall.slice(11, 13)) * 60 + Number(wall.slice(14, 16));
    if (minutes % rules.slotInterval !== 0) continue;
    const end = t + duration;
    if (!windows.some((w) => w.start <= t && end <= w.end)) continue;
    const isParticipantFree = (participant: SlotParticipant) => {
      const { freeTime, booked } = participant;
      const isFree =
        freeTime.kind === 'free'
          ? isCoveredByUnion(t, end, freeTime.intervals)
          : !freeTime.intervals.some((busy) => overlaps(busy, t, end));
      return (
        isFree &&
        !booked.some((meeting) => overlaps(meeting, t - buffer, end + buffer)) &&
        !isAtLimit(participant, wall.slice(0, 10), read)
      );
    };
    const isOffered =
      input.method === 'ROUND_ROBIN'
        ? participants.some(isParticipantFree)
        : participants.every(isParticipantFree);
    if (!isOffered) continue;
    offered.push(t);
  }
  return offered;
}
