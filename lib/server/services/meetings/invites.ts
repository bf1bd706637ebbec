import 'server-only';
import { formatInTimeZone } from 'date-fns-tz';
import { buildIcs } from '@/lib/domain/invites/ics';
import type { Db } from '@/lib/server/db/client';
import { queueMessages } from '@/lib/server/channels/queue-messages';
import type { OutboundMessage } from '@/lib/server/channels/types';
import type { CampaignRow } from '@/lib/server/queries/campaigns';
import type { ConversationRow, StoredParticipant } from '@/lib/server/queries/conversations';
import type { MeetingWithAttendees } from '@/lib/server/queries/meetings';
import { isDevelopmentRoom, videoRoomLabel } from '@/lib/server/calendar/video';
import { bookingUrlOf } from '@/lib/server/services/conversations/to-conversation';

export type InviteKind = 'SCHEDULED' | 'RESCHEDULED' | 'CANCELLED';

const subjects: Record<InviteKind, string> = {
  SCHEDULED: 'Invitation',
  RESCHEDULED: 'Updated invitation',
  CANCELLED: 'Cancelled',
};

/**
 * Where the meeting happens, as invites and messages write it: the place, or the video link under
 * its name — the development video room always named as such, so nobody takes it for a real call.
 */
function placeOf(meeting: MeetingWithAttendees): string | null {
  if (meeting.location) return meeting.location;
  if (!meeting.meetingUrl) return null;
  return `${videoRoomLabel(meeting.videoProvider, meeting.meetingUrl)}: ${meeting.meetingUrl}`;
}

function when(meeting: MeetingWithAttendees, zone: string): string {
  const start = formatInTimeZone(meeting.startAt, zone, 'EEEE d MMMM yyyy, HH:mm');
  const end = formatInTimeZone(meeting.endAt, zone, 'HH:mm');
  return `${start}–${end} (${zone})`;
}

/** The meeting as an iCalendar object: one UID for its whole life, SEQUENCE up with every change. */
export function meetingIcs(
  meeting: MeetingWithAttendees,
  method: 'REQUEST' | 'CANCEL',
  now: Date,
): string {
  const organizer = meeting.attendees.find((a) => a.isOrganizer) ?? meeting.attendees[0]!;
  const devRoom =
    meeting.meetingUrl && isDevelopmentRoom(meeting.meetingUrl) ? placeOf(meeting) : null;
  return buildIcs({
    method,
    uid: meeting.icalUid,
    sequence: meeting.sequence,
    stamp: now.getTime(),
    start: meeting.startAt.getTime(),
    end: meeting.endAt.getTime(),
    title: meeting.title,
    description: devRoom
      ? [meeting.description, devRoom].filter(Boolean).join('\n\n')
      : meeting.description,
    location: meeting.location ?? (devRoom ? 'Development video room' : meeting.meetingUrl),
    url: meeting.meetingUrl,
    organizer: { name: organizer.name, email: organizer.email },
    attendees: meeting.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      role: 'REQ-PARTICIPANT' as const,
    })),
  });
}

/**
 * Sends everyone on the meeting an email with an iCalendar invite (METHOD:REQUEST, or CANCEL),
 * one UID for the meeting's whole life and SEQUENCE bumped on every change; a candidate reached
 * only by phone gets a text on the campaign's channel. Written in the caller's transaction.
 */
export async function queueInvites(
  db: Db,
  params: {
    conversation: ConversationRow;
    campaign: Pick<CampaignRow, 'channel' | 'company'>;
    participants: StoredParticipant[];
    meeting: MeetingWithAttendees;
    kind: InviteKind;
    /** Only the candidate: the organizer's calendar invites everyone else itself. */
    only?: 'CANDIDATE';
    /** Only these attendees (a round-robin interviewer the meeting was taken from). */
    onlyEmails?: string[];
    now: Date;
  },
): Promise<void> {
  const { conversation, participants, meeting, kind, now } = params;
  const ics = meetingIcs(meeting, kind === 'CANCELLED' ? 'CANCEL' : 'REQUEST', now);
  const attachment = {
    filename: kind === 'CANCELLED' ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; method=${kind === 'CANCELLED' ? 'CANCEL' : 'REQUEST'}; charset=UTF-8`,
    content: ics,
  };
  const where = placeOf(meeting) ?? '';
  const zoneOf = (email: string): string =>
    participants.find((p) => p.email === email)?.availability?.timezone ??
    (email === conversation.emailAddress ? conversation.candidateTimezone : null) ??
    meeting.timezone;

  const recipients = params.only
    ? meeting.attendees.filter((a) => a.role === 'CANDIDATE')
    : params.onlyEmails
      ? meeting.attendees.filter((a) => params.onlyEmails!.includes(a.email))
      : meeting.attendees;
  const messages: OutboundMessage[] = recipients.map((attendee) => {
    const isCandidate = attendee.role === 'CANDIDATE';
    const manage = isCandidate
      ? `\n\nNeed another time? ${bookingUrlOf(conversation.bookingToken) ?? ''}`
      : '';
    const reason =
      kind === 'CANCELLED' && meeting.cancellationReason
        ? `\nReason: ${meeting.cancellationReason}`
        : '';
    return {
      organizationId: conversation.organizationId,
      conversationId: conversation.id,
      channel: 'EMAIL',
      to: attendee.email,
      subject: `${subjects[kind]}: ${meeting.title} @ ${when(meeting, zoneOf(attendee.email))}`,
      body: [
        `${meeting.title}`,
        `When: ${when(meeting, zoneOf(attendee.email))}`,
        where ? `Where: ${where}` : null,
        `Who: ${meeting.attendees.map((a) => a.name).join(', ')}`,
        kind === 'CANCELLED' ? 'This meeting has been cancelled.' : null,
      ]
        .filter(Boolean)
        .join('\n')
        .concat(reason, kind === 'CANCELLED' ? '' : manage),
      attachments: [attachment],
    };
  });

  if (
    !conversation.emailAddress &&
    conversation.phoneNumber &&
    params.campaign.channel !== 'EMAIL'
  ) {
    const zone = conversation.candidateTimezone ?? meeting.timezone;
    const lead = {
      SCHEDULED: "You're booked",
      RESCHEDULED: 'Your meeting moved',
      CANCELLED: 'Your meeting was cancelled',
    }[kind];
    messages.push({
      organizationId: conversation.organizationId,
      conversationId: conversation.id,
      channel: params.campaign.channel,
      to: conversation.phoneNumber,
      body:
        kind === 'CANCELLED'
          ? `${lead}: ${meeting.title}, ${when(meeting, zone)}.`
          : `${lead}: ${meeting.title}, ${when(meeting, zone)}. ${where} Manage: ${bookingUrlOf(conversation.bookingToken) ?? ''}`,
    });
  }
  await queueMessages(db, messages, now);
}
