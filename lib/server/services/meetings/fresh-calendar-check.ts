import 'server-only';
import { DomainError } from '@/lib/domain/errors';
import type { CalendarBusy } from '@/lib/server/calendar/busy-periods';
import type { Db } from '@/lib/server/db/client';
import { isAutoSchedule } from '@/lib/server/queries/conversations';
import { hasUnknownCalendar, loadParticipantBusy } from '@/lib/server/services/booking/slot-input';
import { readMeetingScope, type MeetingLocator } from './meeting-context';

/**
 * Before a booking or a move, outside its transaction: every connected calendar is asked about
 * the chosen time (± buffer) now, not from the cache (DESIGN §6). A calendar that cannot answer
 * refuses the time — Parley never books on a guess.
 */
export async function checkCalendarsFresh(
  db: Db,
  params: { locator: MeetingLocator; start: Date; now: Date },
): Promise<CalendarBusy> {
  const { conversation, participants } = await readMeetingScope(db, params.locator);
  if (!isAutoSchedule(conversation)) return new Map();
  const configuration = conversation.meetingConfiguration;
  const start = params.start.getTime();
  const busy = await loadParticipantBusy(db, {
    organizationId: conversation.organizationId,
    configuration,
    participants,
    range: { start, end: start + configuration.duration * 60_000 },
    now: params.now,
    mode: 'fresh',
  });
  // Under round robin a pool member whose calendar does not answer is busy, and the others may
  // still take the time (the engine sees that member as not free).
  if (hasUnknownCalendar(busy) && conversation.availabilityMethod !== 'ROUND_ROBIN') {
    throw new DomainError(
      'slot_unavailable',
      "The interviewer's calendar could not be checked just now, so this time cannot be confirmed. Please try again in a few minutes.",
    );
  }
  return busy;
}
