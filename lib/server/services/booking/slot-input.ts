import 'server-only';
import type { MeetingConfiguration } from '@/lib/contracts/meeting';
import { timeSlotsToIntervals } from '@/lib/domain/availability/time-slots';
import type { ComputeSlotsInput, Interval, SlotParticipant } from '@/lib/domain/slots/types';
import type { Db } from '@/lib/server/db/client';
import { findBookedIntervals } from '@/lib/server/queries/booked-meetings';
import type { StoredParticipant } from '@/lib/server/queries/conversations';

const MINUTE = 60_000;

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
    now: number;
    range: Interval;
    /** The meeting being moved does not block its own new time. */
    excludeMeetingId?: string | null;
    limit?: number;
  },
): Promise<ComputeSlotsInput> {
  const { configuration, participants } = params;
  const buffer = configuration.bufferMinutes * MINUTE;
  const duration = configuration.duration * MINUTE;
  const booked = await findBookedIntervals(db, {
    organizationId: params.organizationId,
    emails: participants.map((p) => p.email),
    range: {
      start: params.range.start - buffer - duration,
      end: params.range.end + duration + buffer,
    },
    excludeMeetingId: params.excludeMeetingId ?? null,
  });
  const slotParticipants: SlotParticipant[] = participants.map((p) => ({
    freeTime: freeTimeOf(p),
    booked: booked.get(p.email) ?? [],
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
    now: params.now,
    range: params.range,
    ...(params.limit ? { limit: params.limit } : {}),
  };
}

function freeTimeOf(p: StoredParticipant): SlotParticipant['freeTime'] {
  if (p.availability) {
    // Given time slots, or the reply collected for an auto-collect participant.
    return {
      kind: 'free',
      intervals: timeSlotsToIntervals(p.availability.timezone, p.availability.timeSlots),
    };
  }
  if (p.isCalendarConnected) {
    // Busy periods arrive with the calendar integration; until then only Parley meetings block.
    return { kind: 'busy', intervals: [] };
  }
  // Auto-collect participant whose reply has not arrived: nothing can be offered yet.
  return { kind: 'free', intervals: [] };
}
