import 'server-only';
import type { BookingInfo } from '@/lib/contracts/booking';
import type { SchedulingStatus } from '@/lib/contracts/conversation';
import { isLiveVideo } from '@/lib/server/calendar/video';
import type { Db } from '@/lib/server/db/client';
import { notFound } from '@/lib/domain/errors';
import { findBookingLink, type BookingLink } from '@/lib/server/queries/booking-link';
import type { ConversationRow } from '@/lib/server/queries/conversations';
import type { MeetingWithAttendees } from '@/lib/server/queries/meetings';
import { refreshSchedulingStatus } from './availability-status';
import { toBookingMeeting } from './to-booking-meeting';

const ENDED = ['CLOSED', 'OPTED_OUT', 'DELIVERY_FAILED'];
/** Statuses in which nothing can be offered (yet): the page says why instead of showing a calendar. */
const NOTHING_OFFERED: (SchedulingStatus | null)[] = ['NO_AVAILABILITY', 'AWAITING_AVAILABILITY'];

/**
 * Is the link still usable to pick a (new) time? True before booking and after the candidate
 * cancelled; false once the conversation ended, a meeting is booked or the organizer cancelled.
 */
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
  const schedulingStatus = await refreshSchedulingStatus(db, {
    conversation: link.conversation,
    participants: link.participants,
    now: params.now,
  });
  return toBookingInfo(link, schedulingStatus, params.now);
}

/** The public view of a link, once its scheduling status is up to date. */
export function toBookingInfo(
  link: BookingLink,
  schedulingStatus: SchedulingStatus | null,
  now: Date,
): BookingInfo {
  const { conversation, participants, meeting } = link;
  const configuration = conversation.meetingConfiguration;
  const provider = configuration.videoConferencingProvider;
  // Round robin: only the interviewer assigned at booking attends, so nobody is named before.
  const interviewers =
    conversation.availabilityMethod === 'ROUND_ROBIN'
      ? meeting?.status === 'SCHEDULED'
        ? toBookingMeeting(meeting).interviewers
        : []
      : [...participants]
          .sort((a, b) => Number(b.isOrganizer) - Number(a.isOrganizer))
          .map((p) => ({ name: p.name, isOrganizer: p.isOrganizer }));
  return {
    firstName: conversation.firstName,
    title: configuration.title,
    description: configuration.description,
    duration: configuration.duration,
    timezone: configuration.timezone,
    location: configuration.location,
    videoConferencing: configuration.videoConferencing,
    videoConferencingProvider: provider,
    isDevelopmentVideoRoom:
      configuration.videoConferencing && provider !== null && !isLiveVideo(provider),
    organizerName: interviewers.find((p) => p.isOrganizer)?.name ?? null,
    interviewers,
    company: link.company,
    position: link.position,
    language: link.language,
    candidateTimezone: conversation.candidateTimezone,
    status: conversation.status,
    schedulingStatus,
    canBook: canBookThrough(conversation, meeting) && !NOTHING_OFFERED.includes(schedulingStatus),
    bookingHorizonEnd: new Date(
      now.getTime() + configuration.bookingHorizonDays * 86_400_000,
    ).toISOString(),
    meeting: meeting ? toBookingMeeting(meeting) : null,
  };
}
