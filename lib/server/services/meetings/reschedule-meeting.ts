import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Meeting } from '@/lib/contracts/meeting-record';
import type { Db } from '@/lib/server/db/client';
import { conversations } from '@/lib/server/db/schema/conversations';
import { meetings } from '@/lib/server/db/schema/meetings';
import { findMeeting, type MeetingWithAttendees } from '@/lib/server/queries/meetings';
import {
  assertConversationOpen,
  lockMeetingContext,
  requireAutoSchedule,
  requireScheduled,
  type MeetingLocator,
} from './meeting-context';
import { findMeetingCalendar } from '@/lib/server/calendar/meeting-calendar';
import { queueInvites } from './invites';
import { announceMeetingChange } from './meeting-events';
import { checkCalendarsFresh } from './fresh-calendar-check';
import {
  assignStart,
  lockInterviewers,
  moveAttendees,
  reassignInterviewer,
} from './meeting-writes';
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
  return toMeeting(await moveMeeting(db, params));
}

/**
 * Moves the scheduled meeting `locator` finds to `start`; `candidateTimezone`, when the candidate
 * moves it, is the zone they picked the new time in.
 */
export async function moveMeeting(
  db: Db,
  params: { locator: MeetingLocator; start: Date; now: Date; candidateTimezone?: string },
): Promise<MeetingWithAttendees> {
  const { start, now } = params;
  const calendarBusy = await checkCalendarsFresh(db, { locator: params.locator, start, now });
  return db.transaction(async (tx) => {
    const context = await lockMeetingContext(tx, params.locator);
    const { participants, campaign } = context;
    const conversation = requireAutoSchedule(context.conversation);
    assertConversationOpen(conversation);
    const previous = requireScheduled(context);
    if (params.candidateTimezone && params.candidateTimezone !== conversation.candidateTimezone) {
      await tx
        .update(conversations)
        .set({ candidateTimezone: params.candidateTimezone, updatedAt: now })
        .where(
          and(
            eq(conversations.organizationId, conversation.organizationId),
            eq(conversations.id, conversation.id),
          ),
        );
    }
    if (previous.startAt.getTime() === start.getTime()) return previous;
    await lockInterviewers(
      tx,
      conversation.organizationId,
      participants.map((p) => p.email),
    );
    // Round robin keeps the interviewer when they are free at the new start, else reassigns.
    const current = previous.attendees.find((a) => a.role === 'INTERVIEWER' && a.active);
    const attendees = await assignStart(tx, {
      conversation,
      participants,
      start,
      now,
      excludeMeetingId: previous.id,
      keepEmail: current?.email ?? null,
      calendarBusy,
    });

    const end = new Date(start.getTime() + (previous.endAt.getTime() - previous.startAt.getTime()));
    await tx
      .update(meetings)
      .set({ startAt: start, endAt: end, sequence: previous.sequence + 1, updatedAt: now })
      .where(eq(meetings.id, previous.id));
    const next = attendees.length === 1 ? attendees[0]! : null;
    if (
      conversation.availabilityMethod === 'ROUND_ROBIN' &&
      next &&
      current &&
      next.email !== current.email
    ) {
      await reassignInterviewer(tx, {
        meetingId: previous.id,
        organizationId: conversation.organizationId,
        previousEmail: current.email,
        next,
        start,
        end,
      });
      // The interviewer it was taken from gets Parley's cancellation when Parley sent the invite.
      const calendar = await findMeetingCalendar(tx, {
        organizationId: conversation.organizationId,
        meetingId: previous.id,
      });
      if (!calendar) {
        await queueInvites(tx, {
          conversation,
          campaign,
          participants,
          meeting: { ...previous, sequence: previous.sequence + 1 },
          kind: 'CANCELLED',
          onlyEmails: [current.email],
          now,
        });
      }
    }
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
}
