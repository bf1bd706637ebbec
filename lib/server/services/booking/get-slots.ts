import 'server-only';
import { MAX_SLOT_RANGE_DAYS, type Slots } from '@/lib/contracts/booking';
import { dateRangeToInterval } from '@/lib/domain/availability/date-range';
import { computeSlots } from '@/lib/domain/slots/compute-slots';
import type { Interval } from '@/lib/domain/slots/types';
import { addDays } from '@/lib/domain/time/calendar-date';
import { canonicalTimeZone } from '@/lib/domain/time/zones';
import { localDateOf } from '@/lib/domain/slots/wall-clock';
import type { Db } from '@/lib/server/db/client';
import type { BookedIntervals } from '@/lib/server/queries/booked-meetings';
import { notFound } from '@/lib/domain/errors';
import { findBookingLink, type BookingLink } from '@/lib/server/queries/booking-link';
import { canBookThrough } from './get-booking';
import { loadParticipantBusy, loadSlotInput } from './slot-input';

const DAY = 86_400_000;

/**
 * Offered starts between two dates of `timezone` (inclusive; default: the meeting zone, from
 * today to the end of the booking horizon, at most 62 days; see slotRange). While a meeting is scheduled its own
 * time does not block, so the same list serves rescheduling.
 */
export async function getSlots(
  db: Db,
  params: {
    token: string;
    from?: string | undefined;
    to?: string | undefined;
    timezone?: string | undefined;
    now: Date;
  },
): Promise<Slots> {
  const link = await findBookingLink(db, params.token);
  if (!link) throw notFound('Booking link');
  const configuration = link.conversation.meetingConfiguration;
  // Stored zones are canonical; this also answers today's name for a zone stored before that.
  const zone =
    params.timezone ?? canonicalTimeZone(configuration.timezone) ?? configuration.timezone;
  const now = params.now.getTime();
  const today = localDateOf(zone, now);
  const horizonEnd = localDateOf(zone, now + configuration.bookingHorizonDays * DAY);
  const { from, to } = slotRange(params.from, params.to, today, horizonEnd);
  // Only the dates of the booking window can hold a start: the engine never searches outside it,
  // however far away the dates asked for are (year 1, year 9999…).
  const searchFrom = from > today ? from : today;
  const searchTo = to < horizonEnd ? to : horizonEnd;
  const starts =
    searchFrom <= searchTo
      ? await offeredStarts(db, link, dateRangeToInterval(zone, searchFrom, searchTo), now)
      : [];
  const duration = configuration.duration * 60_000;
  return {
    timezone: zone,
    duration: configuration.duration,
    from,
    to,
    slots: starts.map((start) => ({
      start: new Date(start).toISOString(),
      end: new Date(start + duration).toISOString(),
    })),
  };
}

/**
 * The dates asked for (YYYY-MM-DD in the slots' zone, inclusive), a missing bound filled in: from
 * today, to the end of the booking horizon, at most 62 days apart; a default that would land on
 * the wrong side of the bound given (a `from` after the horizon, a `to` before today) is that
 * bound, so the range is never reversed. Both given were checked by the query schema.
 */
function slotRange(
  from: string | undefined,
  to: string | undefined,
  today: string,
  horizonEnd: string,
): { from: string; to: string } {
  if (from !== undefined && to !== undefined) return { from, to };
  // Compared as text (YYYY-MM-DD sorts as dates) before any arithmetic, which far years overflow.
  if (from !== undefined) {
    if (from > horizonEnd) return { from, to: from };
    const cap = addDays(from, MAX_SLOT_RANGE_DAYS);
    return { from, to: horizonEnd < cap ? horizonEnd : cap };
  }
  if (to !== undefined) {
    if (to < today) return { from: to, to };
    const floor = addDays(to, -MAX_SLOT_RANGE_DAYS);
    return { from: today < floor ? floor : today, to };
  }
  const cap = addDays(today, MAX_SLOT_RANGE_DAYS);
  return { from: today, to: horizonEnd < cap ? horizonEnd : cap };
}

/**
 * The starts (epoch ms) a link offers within `range`: none once the link can no longer be used,
 * and those of a rescheduling while its meeting is booked (the meeting's own time does not block).
 */
export async function offeredStarts(
  db: Db,
  link: BookingLink,
  range: Interval,
  now: number,
  /** The interviewers' booked meetings, when the caller read them already. */
  booked?: BookedIntervals,
): Promise<number[]> {
  const { conversation, participants, meeting } = link;
  const isScheduled = meeting?.status === 'SCHEDULED';
  if (!isScheduled && !canBookThrough(conversation, meeting)) return [];
  const scope = {
    organizationId: conversation.organizationId,
    configuration: conversation.meetingConfiguration,
    participants,
    range,
  };
  const calendarBusy = await loadParticipantBusy(db, {
    ...scope,
    now: new Date(now),
    mode: 'cached',
  });
  const input = await loadSlotInput(db, {
    ...scope,
    method: conversation.availabilityMethod,
    now,
    excludeMeetingId: isScheduled ? meeting.id : null,
    calendarBusy,
    ...(booked ? { booked } : {}),
  });
  return computeSlots(input);
}
