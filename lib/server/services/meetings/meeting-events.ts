import 'server-only';
import { eq } from 'drizzle-orm';
import type { CancelledBy } from '@/lib/contracts/meeting-record';
import type { Db } from '@/lib/server/db/client';
import { campaigns } from '@/lib/server/db/schema/campaigns';
import type { ConversationRow } from '@/lib/server/queries/conversations';
import type { MeetingWithAttendees } from '@/lib/server/queries/meetings';
import { recordEvent } from '@/lib/server/webhooks/outbox';
import { toMeetingDetails } from './to-meeting';

export type MeetingEvent =
  | { event: 'CALENDAR_MEETING_SCHEDULED' }
  | { event: 'CALENDAR_MEETING_RESCHEDULED'; previous: MeetingWithAttendees }
  | { event: 'CALENDAR_MEETING_CANCELLED'; cancelledBy: CancelledBy; reason: string | null };

/** The envelope data every event about a conversation starts with. */
export async function conversationEventBase(db: Db, conversation: ConversationRow) {
  const [campaign] = await db
    .select({ externalId: campaigns.externalId })
    .from(campaigns)
    .where(eq(campaigns.id, conversation.campaignId))
    .limit(1);
  return {
    organizationId: conversation.organizationId,
    conversationId: conversation.id,
    externalConversationId: conversation.externalId,
    campaignId: conversation.campaignId,
    externalCampaignId: campaign?.externalId ?? null,
  };
}

/** Writes a meeting event to the outbox; call it inside the transaction of the change. */
export async function recordMeetingEvent(
  db: Db,
  params: {
    conversation: ConversationRow;
    meeting: MeetingWithAttendees;
    change: MeetingEvent;
    now: Date;
  },
): Promise<void> {
  const { conversation, meeting, change, now } = params;
  const base = {
    recordId: meeting.id,
    ...(await conversationEventBase(db, conversation)),
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
