import 'server-only';
import type { BookingInfo } from '@/lib/contracts/booking';
import { DomainError } from '@/lib/domain/errors';
import { ensureBooted } from '@/lib/server/boot';
import { getDb } from '@/lib/server/db/client';
import { findBookingLink } from '@/lib/server/queries/booking-link';
import { meetingIcs } from '@/lib/server/services/meetings/invites';
import { getBooking } from './get-booking';

/** What the hosted booking page shows for `token`, or null for a link that does not exist. */
export async function loadBookingPage(token: string, now: Date): Promise<BookingInfo | null> {
  await ensureBooted();
  try {
    return await getBooking(getDb(), { token, now });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return null;
    throw error;
  }
}

/**
 * The "add to calendar" file of the link's scheduled meeting, or null when nothing is scheduled.
 * It carries the meeting's own UID and SEQUENCE, so a calendar that also got the emailed invite
 * keeps one event, and later updates by email still replace it.
 */
export async function loadBookingInvite(token: string, now: Date): Promise<string | null> {
  await ensureBooted();
  const meeting = (await findBookingLink(getDb(), token))?.meeting;
  if (meeting?.status !== 'SCHEDULED') return null;
  return meeting.attendees.length > 0 ? meetingIcs(meeting, 'REQUEST', now) : null;
}
