import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { CancelledBy } from '@/lib/contracts/meeting-record';
import type { Db } from '@/lib/server/db/client';
import { conversations } from '@/lib/server/db/schema/conversations';
import { meetingAttendees, meetings } from '@/lib/server/db/schema/meetings';
import type { ConversationRow } from '@/lib/server/queries/conversations';
import type { MeetingWithAttendees } from '@/lib/server/queries/meetings';
import { recordMeetingEvent } from './meeting-events';

/**
 * Cancels a scheduled meeting inside the caller's transaction: frees the interviewers' time,
 * marks the conversation CANCELLED and records CALENDAR_MEETING_CANCELLED.
 */
export async function cancelMeetingInTransaction(
  tx: Db,
  params: {
    conversation: ConversationRow;
    meeting: MeetingWithAttendees;
    cancelledBy: CancelledBy;
    reason: string | null;
    now: Date;
  },
): Promise<MeetingWithAttendees> {
  const { conversation, meeting, cancelledBy, reason, now } = params;
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
  await recordMeetingEvent(tx, {
    conversation,
    meeting: cancelled,
    change: { event: 'CALENDAR_MEETING_CANCELLED', cancelledBy, reason },
    now,
  });
  return cancelled;
}
