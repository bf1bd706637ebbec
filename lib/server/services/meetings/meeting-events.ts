import 'server-only';
import { scheduleReminder } from './meeting-reminder';
import type { CancelledBy } from '@/lib/contracts/meeting-record';
import type { MeetingChange } from '@/lib/contracts/webhooks';
import type { Db } from '@/lib/server/db/client';
import { enqueueJob } from '@/lib/server/jobs/enqueue';
import type { CampaignRow } from '@/lib/server/queries/campaigns';
import type { ConversationRow, StoredParticipant } from '@/lib/server/queries/conversations';
import type { MeetingWithAttendees } from '@/lib/server/queries/meetings';
import { recordEvent } from '@/lib/server/webhooks/outbox';
import { conversationEventBase } from '@/lib/server/services/events/conversation-event-base';
import { findMeetingCalendar } from '@/lib/server/calendar/meeting-calendar';
import { queueInvites } from './invites';
import { toMeetingDetails } from './to-meeting';

export type MeetingEvent =
  | { event: 'CALENDAR_MEETING_SCHEDULED' }
  | { event: 'CALENDAR_MEETING_RESCHEDULED'; previous: MeetingWithAttendees }
  | { event: 'CALENDAR_MEETING_CANCELLED'; cancelledBy: CancelledBy; reason: string | null }
  | { event: 'CALENDAR_MEETING_UPDATED'; changes: MeetingChange[] };

/** Writes a meeting event to the outbox; call it inside the transaction of the change. */
export async function recordMeetingEvent(
  db: Db,
  params: {
    conversation: ConversationRow;
    campaign?: Pick<CampaignRow, 'externalId'>;
    meeting: MeetingWithAttendees;
    change: MeetingEvent;
    now: Date;
  },
): Promise<void> {
  const { conversation, meeting, change, now } = params;
  const base = {
    recordId: meeting.id,
    ...(await conversationEventBase(db, conversation, params.campaign)),
    meetingDetails: toMeetingDetails(meeting),
  };
  const common = {
    organizationId: conversation.organizationId,
    conversationId: conversation.id,
    now,
  };
  if (change.event === 'CALENDAR_MEETING_SCHEDULED') {
    await recordEvent(db, { ...common, event: change.event, data: base });
  } else if (change.event === 'CALENDAR_MEETING_RESCHEDULED') {
    await recordEvent(db, {
      ...common,
      event: change.event,
      data: { ...base, previousMeetingDetails: toMeetingDetails(change.previous) },
    });
  } else if (change.event === 'CALENDAR_MEETING_CANCELLED') {
    await recordEvent(db, {
      ...common,
      event: change.event,
      data: { ...base, cancelledBy: change.cancelledBy, cancellationReason: change.reason },
    });
  } else {
    await recordEvent(db, {
      ...common,
      event: change.event,
      data: { ...base, changes: change.changes },
    });
  }
}

const inviteKinds = {
  CALENDAR_MEETING_SCHEDULED: 'SCHEDULED',
  CALENDAR_MEETING_RESCHEDULED: 'RESCHEDULED',
  CALENDAR_MEETING_CANCELLED: 'CANCELLED',
} as const;

/**
 * Everything a meeting change sets off, in its transaction: the webhook event, the invites (or
 * cancellations) to every attendee, and a re-check of the other booking links that share an
 * interviewer (the change may have used up, or freed, their last slot).
 */
export async function announceMeetingChange(
  tx: Db,
  params: {
    conversation: ConversationRow;
    campaign: Pick<CampaignRow, 'channel' | 'company' | 'externalId'>;
    participants: StoredParticipant[];
    meeting: MeetingWithAttendees;
    change: Exclude<MeetingEvent, { event: 'CALENDAR_MEETING_UPDATED' }>;
    now: Date;
  },
): Promise<void> {
  const { conversation, participants, meeting, change, now } = params;
  const calendar = await findMeetingCalendar(tx, {
    organizationId: conversation.organizationId,
    meetingId: meeting.id,
  });
  if (calendar) {
    // The organizer's calendar holds the event: the sync job makes or changes it, and the
    // provider invites the attendees. A new booking is announced once its event (and join link)
    // exists; a move or a cancellation is announced now, and the candidate hears from Parley.
    await enqueueJob(tx, 'meetings.sync', {
      organizationId: conversation.organizationId,
      meetingId: meeting.id,
    });
    if (change.event !== 'CALENDAR_MEETING_SCHEDULED') {
      await recordMeetingEvent(tx, {
        conversation,
        campaign: params.campaign,
        meeting,
        change,
        now,
      });
      await queueInvites(tx, { ...params, kind: inviteKinds[change.event], only: 'CANDIDATE' });
    }
  } else {
    await recordMeetingEvent(tx, { conversation, campaign: params.campaign, meeting, change, now });
    await queueInvites(tx, { ...params, kind: inviteKinds[change.event] });
  }
  await enqueueJob(tx, 'availability.refresh', {
    organizationId: conversation.organizationId,
    emails: participants.map((p) => p.email),
  });
  // A new or moved meeting gets its reminder; the one of its old start drops itself.
  if (change.event !== 'CALENDAR_MEETING_CANCELLED')
    await scheduleReminder(tx, { conversation, meeting, now });
}
