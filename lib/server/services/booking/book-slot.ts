import 'server-only';
import { eq } from 'drizzle-orm';
import type { BookingMeeting } from '@/lib/contracts/booking';
import { DomainError } from '@/lib/domain/errors';
import { planMeetingCalendar, startCalendarSync } from '@/lib/server/calendar/meeting-calendar';
import type { Db } from '@/lib/server/db/client';
import { conversations } from '@/lib/server/db/schema/conversations';
import { meetings } from '@/lib/server/db/schema/meetings';
import { newId } from '@/lib/server/ids';
import { findMeeting } from '@/lib/server/queries/meetings';
import { completeConversation } from '@/lib/server/services/conversations/complete-conversation';
import {
  assertConversationOpen,
  lockMeetingContext,
  requireAutoSchedule,
} from '@/lib/server/services/meetings/meeting-context';
import { announceMeetingChange } from '@/lib/server/services/meetings/meeting-events';
import { checkCalendarsFresh } from '@/lib/server/services/meetings/fresh-calendar-check';
import {
  assignStart,
  insertAttendees,
  lockInterviewers,
} from '@/lib/server/services/meetings/meeting-writes';
import { toBookingMeeting } from './to-booking-meeting';

/**
 * The candidate books `start` through the booking link. Re-checks the slot rules inside the
 * transaction (interviewers locked, so load limits and round-robin assignment see every
 * committed meeting), and the exclusion constraint backs it: of concurrent requests for one
 * interviewer's time exactly one wins, the others get 409.
 */
export async function bookSlot(
  db: Db,
  params: { token: string; start: Date; timezone?: string | undefined; now: Date },
): Promise<BookingMeeting> {
  const { start, now } = params;
  const calendarBusy = await checkCalendarsFresh(db, {
    locator: { by: 'token', token: params.token },
    start,
    now,
  });
  const booked = await db.transaction(async (tx) => {
    const context = await lockMeetingContext(tx, { by: 'token', token: params.token });
    const { participants, campaign } = context;
    const conversation = requireAutoSchedule(context.conversation);
    assertConversationOpen(conversation);
    if (context.meeting?.status === 'SCHEDULED') {
      throw new DomainError('conflict', 'A meeting is already booked; reschedule it instead.');
    }
    if (context.meeting?.status === 'CANCELLED' && context.meeting.cancelledBy !== 'CANDIDATE') {
      throw new DomainError(
        'conflict',
        'This meeting was cancelled by the organizer and cannot be booked again.',
      );
    }
    await lockInterviewers(
      tx,
      conversation.organizationId,
      participants.map((p) => p.email),
    );
    // Everyone, or under round robin the one interviewer assigned to this meeting.
    const attendees = await assignStart(tx, {
      conversation,
      participants,
      start,
      now,
      calendarBusy,
    });

    const configuration = conversation.meetingConfiguration;
    const id = newId();
    const end = new Date(start.getTime() + configuration.duration * 60_000);
    const calendar = await planMeetingCalendar(tx, {
      organizationId: conversation.organizationId,
      meetingId: id,
      participants: attendees,
      configuration,
    });
    await tx.insert(meetings).values({
      id,
      organizationId: conversation.organizationId,
      conversationId: conversation.id,
      status: 'SCHEDULED',
      startAt: start,
      endAt: end,
      title: configuration.title,
      description: configuration.description,
      timezone: configuration.timezone,
      location: configuration.location,
      videoConference: configuration.videoConferencing,
      videoProvider: configuration.videoConferencingProvider,
      meetingUrl: calendar.meetingUrl,
      icalUid: `${id}@parley`,
      sequence: 0,
      createdAt: now,
      updatedAt: now,
    });
    await insertAttendees(tx, {
      meetingId: id,
      conversation,
      participants: attendees,
      start,
      end,
    });
    if (calendar.connection) {
      await startCalendarSync(tx, {
        organizationId: conversation.organizationId,
        meetingId: id,
        connection: calendar.connection,
        now,
      });
    }
    const updated = {
      ...conversation,
      schedulingStatus: 'SCHEDULED' as const,
      candidateTimezone: params.timezone ?? conversation.candidateTimezone,
      updatedAt: now,
    };
    await tx
      .update(conversations)
      .set({
        schedulingStatus: 'SCHEDULED',
        candidateTimezone: updated.candidateTimezone,
        updatedAt: now,
      })
      .where(eq(conversations.id, conversation.id));
    const meeting = (await findMeeting(tx, { organizationId: conversation.organizationId, id }))!;
    await completeConversation(tx, { conversation: updated, campaign, now });
    await announceMeetingChange(tx, {
      conversation: updated,
      campaign,
      participants,
      meeting,
      change: { event: 'CALENDAR_MEETING_SCHEDULED' },
      now,
    });
    return meeting;
  });
  return toBookingMeeting(booked);
}
