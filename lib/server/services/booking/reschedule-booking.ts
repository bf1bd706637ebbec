import 'server-only';
import type { BookingMeeting } from '@/lib/contracts/booking';
import type { Db } from '@/lib/server/db/client';
import { moveMeeting } from '@/lib/server/services/meetings/reschedule-meeting';
import { toBookingMeeting } from './to-booking-meeting';

/** The candidate moves their meeting through the booking link, to a start that is offered. */
export async function rescheduleBooking(
  db: Db,
  params: { token: string; start: Date; timezone?: string | undefined; now: Date },
): Promise<BookingMeeting> {
  const meeting = await moveMeeting(db, {
    locator: { by: 'token', token: params.token },
    start: params.start,
    now: params.now,
    ...(params.timezone ? { candidateTimezone: params.timezone } : {}),
  });
  return toBookingMeeting(meeting);
}
