import 'server-only';
import { and, asc, eq, gt, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { MeetingChange } from '@/lib/contracts/webhooks';
import type { Db } from '@/lib/server/db/client';
import { calendarConnections, meetingCalendarEvents } from '@/lib/server/db/schema/calendars';
import { meetings } from '@/lib/server/db/schema/meetings';
import { log } from '@/lib/server/log';
import { markNeedsReconnect } from './connection-health';
import { clientFor } from './connections';
import { announce, type MeetingCalendarRow } from './meeting-sync';
import { CalendarAuthError, type AttendeeResponse, type CalendarEvent } from './types';

/** How often one meeting's event is read again, and how far ahead meetings are watched. */
const POLL_EVERY_MS = 10 * 60_000;
const WATCH_AHEAD_MS = 60 * 86_400_000;
const BATCH = 50;

/**
 * The scheduled `meetings.poll` job: reads the organizer-calendar events of upcoming meetings
 * and reports what changed there — an attendee's answer, a join link that came late — as
 * CALENDAR_MEETING_UPDATED (DESIGN §5, §6). Push channels would only make this sooner.
 */
export async function pollMeetingEvents(db: Db, now: Date): Promise<number> {
  const due = await db
    .select({
      row: meetingCalendarEvents,
      connection: calendarConnections,
      meetingUrl: meetings.meetingUrl,
    })
    .from(meetingCalendarEvents)
    .innerJoin(meetings, eq(meetings.id, meetingCalendarEvents.meetingId))
    .innerJoin(calendarConnections, eq(calendarConnections.id, meetingCalendarEvents.connectionId))
    .where(
      and(
        isNotNull(meetingCalendarEvents.eventId),
        isNull(meetingCalendarEvents.cancelledAt),
        eq(meetings.status, 'SCHEDULED'),
        gt(meetings.startAt, now),
        lt(meetings.startAt, new Date(now.getTime() + WATCH_AHEAD_MS)),
        eq(calendarConnections.status, 'CONNECTED'),
        isNull(calendarConnections.revokedAt),
        or(
          isNull(meetingCalendarEvents.polledAt),
          lt(meetingCalendarEvents.polledAt, new Date(now.getTime() - POLL_EVERY_MS)),
        ),
      ),
    )
    .orderBy(asc(meetingCalendarEvents.polledAt))
    .limit(BATCH);
  let reported = 0;
  for (const { row, connection, meetingUrl } of due) {
    try {
      const event = await clientFor(db, connection).getEvent(row.eventId!);
      const changes = event ? changesOf(row, meetingUrl, event) : [];
      await db.transaction(async (tx) => {
        const scope = and(
          eq(meetingCalendarEvents.organizationId, row.organizationId),
          eq(meetingCalendarEvents.meetingId, row.meetingId),
        );
        await tx
          .update(meetingCalendarEvents)
          .set({
            polledAt: now,
            ...(event ? { responses: { ...row.responses, ...event.responses } } : {}),
          })
          .where(scope);
        const link = changes.find((c) => c.field === 'meetingUrl');
        if (link) {
          await tx
            .update(meetings)
            .set({ meetingUrl: link.meetingUrl, updatedAt: now })
            .where(
              and(eq(meetings.organizationId, row.organizationId), eq(meetings.id, row.meetingId)),
            );
        }
        if (changes.length > 0) await announce(tx, { row, kind: 'UPDATED', changes, now });
      });
      if (changes.length > 0) reported++;
    } catch (error) {
      if (error instanceof CalendarAuthError) {
        await markNeedsReconnect(db, { connection, reason: error.message, now });
      } else {
        log.warn('meeting event poll failed', {
          organizationId: row.organizationId,
          meetingId: row.meetingId,
          error: (error as Error).message,
        });
      }
    }
  }
  return reported;
}

const reportable: AttendeeResponse[] = ['ACCEPTED', 'DECLINED', 'TENTATIVE'];

/** What the provider's event says that Parley has not reported yet. */
export function changesOf(
  row: Pick<MeetingCalendarRow, 'responses'>,
  meetingUrl: string | null,
  event: CalendarEvent,
): MeetingChange[] {
  const changes: MeetingChange[] = [];
  if (event.joinUrl && event.joinUrl !== meetingUrl) {
    changes.push({ field: 'meetingUrl', meetingUrl: event.joinUrl });
  }
  for (const [email, response] of Object.entries(event.responses)) {
    if (row.responses[email] === response) continue;
    if (!reportable.includes(response)) continue;
    changes.push({
      field: 'attendeeResponse',
      email,
      response: response as 'ACCEPTED' | 'DECLINED' | 'TENTATIVE',
    });
  }
  return changes;
}
