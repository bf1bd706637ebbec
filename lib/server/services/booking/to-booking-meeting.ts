import 'server-only';
import type { BookingMeeting } from '@/lib/contracts/booking';
import { isDevelopmentRoom } from '@/lib/server/calendar/video';
import type { MeetingWithAttendees } from '@/lib/server/queries/meetings';

/**
 * A meeting as the public booking endpoints show it to its candidate: the interviewers by name,
 * never an email address, and no cancellation reason (a recruiter's note).
 */
export function toBookingMeeting(meeting: MeetingWithAttendees): BookingMeeting {
  return {
    id: meeting.id,
    status: meeting.status,
    title: meeting.title,
    description: meeting.description,
    startDateTime: meeting.startAt.toISOString(),
    endDateTime: meeting.endAt.toISOString(),
    timezone: meeting.timezone,
    location: meeting.location,
    videoConference: meeting.videoConference,
    videoConferencingProvider: meeting.videoProvider,
    meetingUrl: meeting.meetingUrl,
    isDevelopmentVideoRoom: isDevelopmentRoom(meeting.meetingUrl),
    interviewers: meeting.attendees
      .filter((a) => a.role === 'INTERVIEWER')
      .map((a) => ({ name: a.name, isOrganizer: a.isOrganizer })),
    cancelledBy: meeting.cancelledBy,
    createdAt: meeting.createdAt.toISOString(),
    updatedAt: meeting.updatedAt.toISOString(),
  };
}
