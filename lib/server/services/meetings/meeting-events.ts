import 'server-only';
import type { CancelledBy } from '@/lib/contracts/meeting-record';
import type { Db } from '@/lib/server/db/client';
import { enqueueJob } from '@/lib/server/jobs/enqueue';
import type { CampaignRow } from '@/lib/server/queries/campaigns';
import type { ConversationRow, StoredParticipant } from '@/lib/server/queries/conversations';
import type { MeetingWithAttendees } from '@/lib/server/queries/meetings';
import { recordEvent } from '@/lib/server/webhooks/outbox';
import { conversationEventBase } from '@/lib/server/services/events/conversation-event-base';
import { queueInvites } from './invites';
import { toMeetingDetails } from './to-meeting';

export type MeetingEvent =
  | { event: 'CALENDAR_MEETING_SCHEDULED' }
  | { event: 'CALENDAR_MEETING_RESCHEDULED'; previous: MeetingWithAttendees }
  | { event: 'CALENDAR_MEETING_CANCELLED'; cancelledBy: CancelledBy; reason: string | null };

/** Writes a meeting event to the outbox; call it inside the transaction of the change. */
async function recordMeetingEvent(
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
  } else {
    await recordEvent(db, {
      ...common,
      event: change.event,
      data: { ...base, cancelledBy: change.cancelledBy, cancellationReason: change.reason },
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
    change: MeetingEvent;
    now: Date;
  },
): Promise<void> {
  const { conversation, participants, meeting, change, now } = params;
  await recordMeetingEvent(tx, { conversation, campaign: params.campaign, meeting, change, now });
  await queueInvites(tx, { ...params, kind: inviteKinds[change.event] });
  await enqueueJob(tx, 'availability.refresh', {
    organizationId: conversation.organizationId,
    emails: participants.map((p) => p.email),
  });
}
