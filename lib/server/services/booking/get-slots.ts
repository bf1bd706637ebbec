import 'server-only';
import { MAX_SLOT_RANGE_DAYS, type Slots } from '@/lib/contracts/booking';
import { dateRangeToInterval } from '@/lib/domain/availability/date-range';
import { computeSlots } from '@/lib/domain/slots/compute-slots';
import { localDateOf } from '@/lib/domain/slots/wall-clock';
import type { Db } from '@/lib/server/db/client';
import { notFound } from '@/lib/domain/errors';
import { findBookingLink } from '@/lib/server/queries/booking-link';
import { canBookThrough } from './get-booking';
import { loadSlotInput } from './slot-input';

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
  const { conversation, participants, meeting } = link;
  const configuration = conversation.meetingConfiguration;
  const zone = params.timezone ?? configuration.timezone;
  const now = params.now.getTime();
  const from = params.from ?? localDateOf(zone, now);
  const horizonEnd = localDateOf(zone, now + configuration.bookingHorizonDays * DAY);
  const cap = new Date(Date.parse(`${from}T00:00:00Z`) + MAX_SLOT_RANGE_DAYS * DAY)
    .toISOString()
    .slice(0, 10);
  const to = params.to ?? (horizonEnd < cap ? horizonEnd : cap);
  const range = dateRangeToInterval(zone, from, to);

  const isOpen = canBookThrough(conversation, meeting) || meeting?.status === 'SCHEDULED';
  let starts: number[] = [];
  if (isOpen) {
    const input = await loadSlotInput(db, {
      organizationId: conversation.organizationId,
      configuration,
      participants,
      now,
      range,
      excludeMeetingId: meeting?.status === 'SCHEDULED' ? meeting.id : null,
    });
    starts = computeSlots(input);
  }
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
