import 'server-only';
import type { BookingInfo } from '@/lib/contracts/booking';
import type { Db } from '@/lib/server/db/client';
import { notFound } from '@/lib/domain/errors';
import { findBookingLink } from '@/lib/server/queries/booking-link';
import type { ConversationRow } from '@/lib/server/queries/conversations';
import type { MeetingWithAttendees } from '@/lib/server/queries/meetings';
import { toMeeting } from '@/lib/server/services/meetings/to-meeting';
import { refreshSchedulingStatus } from './availability-status';

const ENDED = ['CLOSED', 'OPTED_OUT', 'DELIVERY_FAILED'];

/** Can the candidate pick a (new) time through the link right now? */
export function canBookThrough(
  conversation: ConversationRow,
  meeting: MeetingWithAttendees | undefined,
): boolean {
  if (ENDED.includes(conversation.status)) return false;
  if (!meeting) return true;
  return meeting.status === 'CANCELLED' && meeting.cancelledBy === 'CANDIDATE';
}

/** What the hosted booking page shows for a link. */
export async function getBooking(
  db: Db,
  params: { token: string; now: Date },
): Promise<BookingInfo> {
  const link = await findBookingLink(db, params.token);
  if (!link) throw notFound('Booking link');
  const { conversation, participants, meeting } = link;
  const configuration = conversation.meetingConfiguration;
  const schedulingStatus = await refreshSchedulingStatus(db, {
    conversation,
    participants,
    now: params.now,
  });
  return {
    firstName: conversation.firstName,
    title: configuration.title,
    description: configuration.description,
    duration: configuration.duration,
    timezone: configuration.timezone,
    location: configuration.location,
    videoConferencing: configuration.videoConferencing,
    videoConferencingProvider: configuration.videoConferencingProvider,
    organizerName: participants.find((p) => p.isOrganizer)?.name ?? null,
    company: link.company,
    status: conversation.status,
    schedulingStatus,
    canBook: canBookThrough(conversation, meeting),
    bookingHorizonEnd: new Date(
      params.now.getTime() + configuration.bookingHorizonDays * 86_400_000,
    ).toISOString(),
    meeting: meeting ? toMeeting(meeting) : null,
  };
}
