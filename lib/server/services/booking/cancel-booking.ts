import 'server-only';
import type { BookingMeeting } from '@/lib/contracts/booking';
import type { Db } from '@/lib/server/db/client';
import { cancelScheduledMeeting } from '@/lib/server/services/meetings/cancel-meeting';
import { toBookingMeeting } from './to-booking-meeting';

/** The candidate cancels their meeting through the booking link (`cancelledBy: CANDIDATE`). */
export async function cancelBooking(
  db: Db,
  params: { token: string; reason: string | null; now: Date },
): Promise<BookingMeeting> {
  const meeting = await cancelScheduledMeeting(db, {
    locator: { by: 'token', token: params.token },
    reason: params.reason,
    now: params.now,
  });
  return toBookingMeeting(meeting);
}
