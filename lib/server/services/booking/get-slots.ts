import 'server-only';
import { MAX_SLOT_RANGE_DAYS, type Slots } from '@/lib/contracts/booking';
import { dateRangeToInterval } from '@/lib/domain/availability/date-range';
import { computeSlots } from '@/lib/domain/slots/compute-slots';
import type { Interval } from '@/lib/domain/slots/types';
import { addDays } from '@/lib/domain/time/calendar-date';
import { canonicalTimeZone } from '@/lib/domain/time/zones';
import { localDateOf } from '@/lib/domain/slots/wall-clock';
import type { Db } from '@/lib/server/db/client';
import { notFound } from '@/lib/domain/errors';
import { findBookingLink, type BookingLink } from '@/lib/server/queries/booking-link';
import { canBookThrough } from './get-booking';
import { loadParticipantBusy, loadSlotInput } from './slot-input';

const DAY = 86_400_000;

/**
 * Offered starts between two dates of `timezone` (inclusive; default: the meeting zone, from
 * today to the end of the booking horizon, at most 62 days). While a meeting is scheduled its own
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
  const from = params.from ?? localDateOf(zone, now);
  const horizonEnd = localDateOf(zone, now + configuration.bookingHorizonDays * DAY);
  const cap = addDays(from, MAX_SLOT_RANGE_DAYS);
  const to = params.to ?? (horizonEnd < cap ? horizonEnd : cap);
  const starts = await offeredStarts(db, link, dateRangeToInterval(zone, from, to), now);
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
 * The starts (epoch ms) a link offers within `range`: none once the link can no longer be used,
 * and those of a rescheduling while its meeting is booked (the meeting's own time does not block).
 */
export async function offeredStarts(
  db: Db,
  link: BookingLink,
  range: Interval,
  now: number,
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
  });
  return computeSlots(input);
}
