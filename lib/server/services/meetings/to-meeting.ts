import 'server-only';
import type { Meeting, MeetingDetails } from '@/lib/contracts/meeting-record';
import type { MeetingWithAttendees } from '@/lib/server/queries/meetings';

/** The `meetingDetails` of webhooks. */
export function toMeetingDetails(m: MeetingWithAttendees): MeetingDetails {
  return {
    title: m.title,
    startDateTime: m.startAt.toISOString(),
    endDateTime: m.endAt.toISOString(),
    timezone: m.timezone,
    location: m.location,
    videoConference: m.videoConference,
    videoConferencingProvider: m.videoProvider,
    meetingUrl: m.meetingUrl,
    participants: m.attendees.map((a) => ({
      email: a.email,
      name: a.name,
      isOrganizer: a.isOrganizer,
    })),
  };
}

export function toMeeting(m: MeetingWithAttendees): Meeting {
  return {
    id: m.id,
    conversationId: m.conversationId,
    status: m.status,
    ...toMeetingDetails(m),
    description: m.description,
    cancelledBy: m.cancelledBy,
    cancellationReason: m.cancellationReason,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}
