import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { CancelledBy } from '@/lib/contracts/meeting-record';
import type { Db } from '@/lib/server/db/client';
import { conversations } from '@/lib/server/db/schema/conversations';
import { meetingAttendees, meetings } from '@/lib/server/db/schema/meetings';
import type { ConversationRow } from '@/lib/server/queries/conversations';
import type { CampaignRow } from '@/lib/server/queries/campaigns';
import type { StoredParticipant } from '@/lib/server/queries/conversations';
import type { MeetingWithAttendees } from '@/lib/server/queries/meetings';
import type { Meeting } from '@/lib/contracts/meeting-record';
import { lockMeetingContext, requireScheduled, type MeetingLocator } from './meeting-context';
import { announceMeetingChange } from './meeting-events';
import { toMeeting } from './to-meeting';

/** The recruiter cancels a scheduled meeting (by meeting id). */
export async function cancelMeeting(
  db: Db,
  params: { locator: MeetingLocator; reason: string | null; now: Date },
): Promise<Meeting> {
  return toMeeting(await cancelScheduledMeeting(db, params));
}

/** The candidate (through the link) or the recruiter (by id) cancels a scheduled meeting. */
export async function cancelScheduledMeeting(
  db: Db,
  params: { locator: MeetingLocator; reason: string | null; now: Date },
): Promise<MeetingWithAttendees> {
  return db.transaction(async (tx) => {
    const context = await lockMeetingContext(tx, params.locator);
    return cancelMeetingInTransaction(tx, {
      ...context,
      meeting: requireScheduled(context),
      cancelledBy: params.locator.by === 'token' ? 'CANDIDATE' : 'RECRUITER',
      reason: params.reason,
      now: params.now,
    });
  });
}

/**
 * Cancels a scheduled meeting inside the caller's transaction: frees the interviewers' time,
 * marks the conversation CANCELLED, records CALENDAR_MEETING_CANCELLED and sends the
 * cancellation (METHOD:CANCEL) to everyone.
 */
export async function cancelMeetingInTransaction(
  tx: Db,
  params: {
    conversation: ConversationRow;
    campaign: CampaignRow;
    participants: StoredParticipant[];
    meeting: MeetingWithAttendees;
    cancelledBy: CancelledBy;
    reason: string | null;
    now: Date;
  },
): Promise<MeetingWithAttendees> {
  const { conversation, campaign, participants, meeting, cancelledBy, reason, now } = params;
  const [updated] = await tx
    .update(meetings)
    .set({
      status: 'CANCELLED',
      cancelledBy,
      cancellationReason: reason,
      cancelledAt: now,
      sequence: meeting.sequence + 1,
      updatedAt: now,
    })
    .where(and(eq(meetings.id, meeting.id), eq(meetings.status, 'SCHEDULED')))
    .returning();
  await tx
    .update(meetingAttendees)
    .set({ active: false })
    .where(eq(meetingAttendees.meetingId, meeting.id));
  await tx
    .update(conversations)
    .set({ schedulingStatus: 'CANCELLED', updatedAt: now })
    .where(eq(conversations.id, conversation.id));
  const cancelled = { ...meeting, ...updated! };
  await announceMeetingChange(tx, {
    conversation,
    campaign,
    participants,
    meeting: cancelled,
    change: { event: 'CALENDAR_MEETING_CANCELLED', cancelledBy, reason },
    now,
  });
  return cancelled;
}
