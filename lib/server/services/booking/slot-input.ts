import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { AvailabilityMethod, MeetingConfiguration } from '@/lib/contracts/meeting';
import { timeSlotsToIntervals } from '@/lib/domain/availability/time-slots';
import type { ComputeSlotsInput, Interval, SlotParticipant } from '@/lib/domain/slots/types';
import { loadCalendarBusy, type CalendarBusy } from '@/lib/server/calendar/busy-periods';
import type { Db } from '@/lib/server/db/client';
import { meetings } from '@/lib/server/db/schema/meetings';
import {
  findBookedIntervals,
  findMeetingStarts,
  type BookedIntervals,
} from '@/lib/server/queries/booked-meetings';
import type { StoredParticipant } from '@/lib/server/queries/conversations';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Everything the slot engine needs for one conversation, read from the database: each
 * participant's free time (given time slots, a collected reply, or a connected calendar's busy
 * periods) and the meetings already booked with them in Parley.
 */
export async function loadSlotInput(
  db: Db,
  params: {
    organizationId: string;
    configuration: MeetingConfiguration;
    participants: StoredParticipant[];
    /** COLLECTIVE: everyone must be free; ROUND_ROBIN: one of them. */
    method: AvailabilityMethod;
    now: number;
    range: Interval;
    /** The meeting being moved does not block its own new time. */
    excludeMeetingId?: string | null;
    limit?: number;
    /** Connected calendars' busy periods, read before (never inside) a transaction. */
    calendarBusy: CalendarBusy;
    /** The participants' booked meetings, already read: used when they cover what is needed. */
    booked?: BookedIntervals;
  },
): Promise<ComputeSlotsInput> {
  const { configuration, participants } = params;
  const buffer = configuration.bufferMinutes * MINUTE;
  const duration = configuration.duration * MINUTE;
  const bookedRange = {
    start: params.range.start - buffer - duration,
    end: params.range.end + duration + buffer,
  };
  const prefetched =
    params.booked &&
    !params.excludeMeetingId &&
    params.booked.range.start <= bookedRange.start &&
    params.booked.range.end >= bookedRange.end
      ? params.booked
      : undefined;
  const booked = prefetched
    ? prefetched.byEmail
    : await findBookedIntervals(db, {
        organizationId: params.organizationId,
        emails: participants.map((p) => p.email),
        range: bookedRange,
        excludeMeetingId: params.excludeMeetingId ?? null,
      });
  // Load limits count every meeting that can share a local date or ISO week with a start in range.
  const limited = participants.filter(
    (p) => p.maxMeetingsPerDay !== null || p.maxMeetingsPerWeek !== null,
  );
  const starts = await findMeetingStarts(db, {
    organizationId: params.organizationId,
    emails: limited.map((p) => p.email),
    range: { start: params.range.start - 8 * DAY, end: params.range.end + 8 * DAY },
    excludeMeetingId: params.excludeMeetingId ?? null,
  });
  const moved = params.excludeMeetingId
    ? await findMeetingInterval(db, params.organizationId, params.excludeMeetingId)
    : null;
  const slotParticipants: SlotParticipant[] = participants.map((p) => ({
    freeTime: freeTimeOf(p, withoutOwnEvent(params.calendarBusy, moved)),
    booked: booked.get(p.email) ?? [],
    ...(starts.has(p.email)
      ? {
          load: {
            maxPerDay: p.maxMeetingsPerDay,
            maxPerWeek: p.maxMeetingsPerWeek,
            meetingStarts: starts.get(p.email)!,
          },
        }
      : {}),
  }));
  return {
    rules: {
      timezone: configuration.timezone,
      openHours: configuration.openHours,
      duration: configuration.duration,
      slotInterval: configuration.slotInterval,
      bufferMinutes: configuration.bufferMinutes,
      minimumNoticeMinutes: configuration.minimumNoticeMinutes,
      bookingHorizonDays: configuration.bookingHorizonDays,
    },
    participants: slotParticipants,
    method: params.method,
    now: params.now,
    range: params.range,
    ...(params.limit ? { limit: params.limit } : {}),
  };
}

/**
 * Busy periods of the calendar-connected participants over `range` widened by the meeting's
 * duration and buffer (what the slot rules look at). Call it outside transactions: it may ask
 * the providers.
 */
export async function loadParticipantBusy(
  db: Db,
  params: {
    organizationId: string;
    configuration: MeetingConfiguration;
    participants: StoredParticipant[];
    range: Interval;
    now: Date;
    mode: 'cached' | 'fresh';
  },
): Promise<CalendarBusy> {
  const { configuration } = params;
  const emails = params.participants.filter((p) => p.isCalendarConnected).map((p) => p.email);
  if (emails.length === 0) return new Map();
  const margin = (configuration.bufferMinutes + configuration.duration) * MINUTE;
  return loadCalendarBusy(db, {
    organizationId: params.organizationId,
    emails,
    range: { start: params.range.start - margin, end: params.range.end + margin },
    now: params.now,
    mode: params.mode,
    horizonDays: configuration.bookingHorizonDays,
  });
}

/**
 * The meeting being moved sits in its attendees' calendars as busy at its current time: that
 * event must not block its own new time (Parley's own record of it is excluded the same way).
 */
function withoutOwnEvent(busy: CalendarBusy, moved: Interval | null): CalendarBusy {
  if (!moved) return busy;
  return new Map(
    [...busy].map(([email, periods]) => [
      email,
      periods && periods.filter((b) => b.start !== moved.start || b.end !== moved.end),
    ]),
  );
}

async function findMeetingInterval(
  db: Db,
  organizationId: string,
  meetingId: string,
): Promise<Interval | null> {
  const [row] = await db
    .select({ start: meetings.startAt, end: meetings.endAt })
    .from(meetings)
    .where(and(eq(meetings.organizationId, organizationId), eq(meetings.id, meetingId)))
    .limit(1);
  return row ? { start: row.start.getTime(), end: row.end.getTime() } : null;
}

/** Whether some calendar-connected participant's calendar gave no answer (so nothing is known). */
export function hasUnknownCalendar(busy: CalendarBusy): boolean {
  return [...busy.values()].some((b) => b === null);
}

function freeTimeOf(p: StoredParticipant, calendarBusy: CalendarBusy): SlotParticipant['freeTime'] {
  if (p.availability) {
    // Given time slots, or the reply collected for an auto-collect participant.
    return {
      kind: 'free',
      intervals: timeSlotsToIntervals(p.availability.timezone, p.availability.timeSlots),
    };
  }
  if (p.isCalendarConnected) {
    const busy = calendarBusy.get(p.email);
    // A calendar that does not answer is busy, never free (DESIGN §6).
    return busy ? { kind: 'busy', intervals: busy } : { kind: 'free', intervals: [] };
  }
  // Auto-collect participant whose reply has not arrived: nothing can be offered yet.
  return { kind: 'free', intervals: [] };
}
