import 'server-only';
import { eq } from 'drizzle-orm';
import type { Meeting } from '@/lib/contracts/meeting-record';
import type { Db } from '@/lib/server/db/client';
import { meetings } from '@/lib/server/db/schema/meetings';
import { findMeeting } from '@/lib/server/queries/meetings';
import {
  assertConversationOpen,
  lockMeetingContext,
  requireScheduled,
  type MeetingLocator,
} from './meeting-context';
import { announceMeetingChange } from './meeting-events';
import { assertStartOffered, lockInterviewers, moveAttendees } from './meeting-writes';
import { toMeeting } from './to-meeting';

/**
 * Moves a scheduled meeting to `start` (which must be offered, ignoring the meeting itself).
 * Invites go out again with the same UID and a higher SEQUENCE; the webhook carries the previous
 * details. Moving a meeting to the time it already has changes nothing.
 */
export async function rescheduleMeeting(
  db: Db,
  params: { locator: MeetingLocator; start: Date; now: Date },
): Promise<Meeting> {
  const { start, now } = params;
  const result = await db.transaction(async (tx) => {
    const context = await lockMeetingContext(tx, params.locator);
    const { conversation, participants, campaign } = context;
    assertConversationOpen(conversation);
    const previous = requireScheduled(context);
    if (previous.startAt.getTime() === start.getTime()) return previous;
    await lockInterviewers(
      tx,
      conversation.organizationId,
      participants.map((p) => p.email),
    );
    await assertStartOffered(tx, {
      conversation,
      participants,
      start,
      now,
      excludeMeetingId: previous.id,
    });

    const end = new Date(start.getTime() + (previous.endAt.getTime() - previous.startAt.getTime()));
    await tx
      .update(meetings)
      .set({ startAt: start, endAt: end, sequence: previous.sequence + 1, updatedAt: now })
      .where(eq(meetings.id, previous.id));
    await moveAttendees(tx, previous.id, start, end);
    const meeting = (await findMeeting(tx, {
      organizationId: conversation.organizationId,
      id: previous.id,
    }))!;
    await announceMeetingChange(tx, {
      conversation,
      campaign,
      participants,
      meeting,
      change: { event: 'CALENDAR_MEETING_RESCHEDULED', previous },
      now,
    });
    return meeting;
  });
  return toMeeting(result);
}
