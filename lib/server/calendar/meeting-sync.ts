import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { MeetingChange } from '@/lib/contracts/webhooks';
import type { Db } from '@/lib/server/db/client';
import { calendarConnections, meetingCalendarEvents } from '@/lib/server/db/schema/calendars';
import { meetings } from '@/lib/server/db/schema/meetings';
import { log } from '@/lib/server/log';
import { findMeeting, type MeetingWithAttendees } from '@/lib/server/queries/meetings';
import { queueInvites } from '@/lib/server/services/meetings/invites';
import { lockMeetingContext } from '@/lib/server/services/meetings/meeting-context';
import { recordMeetingEvent } from '@/lib/server/services/meetings/meeting-events';
import { markNeedsReconnect } from './connection-health';
import { clientFor, findLiveConnections, type ConnectionRow } from './connections';
import { findMeetingCalendar, type MeetingCalendarRow } from './meeting-calendar';

export type { MeetingCalendarRow };
import {
  CalendarAuthError,
  type CalendarClient,
  type CalendarEvent,
  type CalendarEventInput,
} from './types';
import { isLiveVideo, videoCalendarProvider, videoRoomLabel } from './video';

/** After this many failed attempts the event is given up: Parley invites everyone itself. */
export const MAX_SYNC_ATTEMPTS = 9;

/**
 * The `meetings.sync` job (DESIGN §6): brings the organizer's calendar event in line with the
 * meeting — creates it (with Meet or Teams), moves it, or cancels it — then records what came of
 * it. Safe to run twice: creation is keyed by the meeting, and each step checks what is done.
 * Provider errors are thrown so the job retries with backoff; a refused grant ends the sync.
 */
export async function syncMeetingCalendar(
  db: Db,
  params: { organizationId: string; meetingId: string; now: () => Date },
): Promise<void> {
  const scope = { organizationId: params.organizationId, meetingId: params.meetingId };
  // A change made while a provider call ran is picked up by the next round.
  for (let round = 0; round < 3; round++) {
    const state = await loadState(db, scope);
    if (!state) return;
    const { row, meeting, connection } = state;
    const host = handedTo(meeting, connection);
    if (host) {
      await handOver(db, { row, meeting, connection: connection!, host, now: params.now() });
      continue;
    }
    if (!connection || connection.revokedAt || connection.status !== 'CONNECTED') {
      await giveUp(db, {
        row,
        meeting,
        reason: 'the organizer calendar is not connected',
        now: params.now(),
      });
      return;
    }
    const isCancelled = meeting.status === 'CANCELLED';
    const isDone = isCancelled
      ? row.cancelledAt !== null || row.eventId === null
      : row.eventId !== null && row.syncedSequence === meeting.sequence;
    if (isDone) {
      if (isCancelled && row.cancelledAt === null) await markCancelled(db, row, params.now());
      return;
    }
    let event: CalendarEvent | null = null;
    try {
      const client = clientFor(db, connection);
      event = await applyChange(client, row, meeting, connection);
    } catch (error) {
      await recordFailure(db, { row, meeting, connection, error, now: params.now() });
      if (error instanceof CalendarAuthError) return;
      throw error;
    }
    if (isCancelled) await markCancelled(db, row, params.now());
    else if (event && !(await recordSynced(db, { row, meeting, event, now: params.now() }))) {
      // The meeting changed hands while this event was being made (a hand-over found no event
      // to cancel yet): the event in the previous host's calendar goes, not left behind.
      await dropOrphan(db, connection, meeting, event);
    }
  }
}

async function dropOrphan(
  db: Db,
  connection: ConnectionRow,
  meeting: MeetingWithAttendees,
  event: CalendarEvent,
): Promise<void> {
  try {
    await clientFor(db, connection).cancelEvent(event.eventId, eventInput(meeting, connection));
  } catch (error) {
    log.warn('could not cancel the event of a meeting that changed hands', {
      organizationId: connection.organizationId,
      meetingId: meeting.id,
      connectionId: connection.id,
      error: (error as Error).message,
    });
  }
}

/**
 * The interviewer who now hosts a meeting whose calendar owner left it (a round-robin meeting
 * moved to another interviewer, DESIGN §6 / issue 16), or null when the owner still attends.
 */
function handedTo(
  meeting: MeetingWithAttendees,
  connection: ConnectionRow | undefined,
): MeetingWithAttendees['attendees'][number] | null {
  if (!connection || meeting.status === 'CANCELLED') return null;
  const interviewers = meeting.attendees.filter((a) => a.role === 'INTERVIEWER');
  if (interviewers.some((a) => a.email === connection.email)) return null;
  return interviewers.find((a) => a.isOrganizer) ?? interviewers[0] ?? null;
}

/**
 * Moves the meeting's event to its new host's calendar: the event in the previous host's calendar
 * is cancelled (its attendees are told by the provider), then the row points at the new host's
 * connection with no event yet, so the next round creates it there — or, when the new host has
 * no calendar that can hold it, Parley invites the interviewers itself. A provider error is thrown
 * (the job retries); a refused grant leaves the old event as it is.
 */
async function handOver(
  db: Db,
  params: {
    row: MeetingCalendarRow;
    meeting: MeetingWithAttendees;
    connection: ConnectionRow;
    host: { email: string };
    now: Date;
  },
): Promise<void> {
  const { row, meeting, connection, now } = params;
  if (row.eventId && !connection.revokedAt && connection.status === 'CONNECTED') {
    try {
      await clientFor(db, connection).cancelEvent(row.eventId, eventInput(meeting, connection));
    } catch (error) {
      if (!(error instanceof CalendarAuthError)) {
        await recordFailure(db, { row, meeting, connection, error, now });
        throw error;
      }
      await markNeedsReconnect(db, { connection, reason: error.message, now });
    }
  }
  const live = await findLiveConnections(db, {
    organizationId: row.organizationId,
    emails: [params.host.email],
  });
  const next = live.get(params.host.email);
  const canHold = next && next.provider !== 'DEV' && next.status === 'CONNECTED';
  const scope = and(
    eq(meetingCalendarEvents.organizationId, row.organizationId),
    eq(meetingCalendarEvents.meetingId, row.meetingId),
    eq(meetingCalendarEvents.connectionId, row.connectionId),
  );
  const [moved] = await db
    .update(meetingCalendarEvents)
    .set({
      ...(canHold ? { connectionId: next.id, provider: next.provider } : {}),
      eventId: null,
      syncedSequence: null,
      responses: {},
      attempts: 0,
      lastError: null,
      updatedAt: now,
    })
    .where(scope)
    .returning();
  if (moved && !canHold) {
    await giveUp(db, {
      row: moved,
      meeting,
      reason: 'the new interviewer has no connected calendar',
      now,
    });
  }
}

async function applyChange(
  client: CalendarClient,
  row: MeetingCalendarRow,
  meeting: MeetingWithAttendees,
  connection: ConnectionRow,
): Promise<CalendarEvent | null> {
  const input = eventInput(meeting, connection);
  if (meeting.status === 'CANCELLED') {
    if (row.eventId) await client.cancelEvent(row.eventId, input);
    return null;
  }
  if (!row.eventId) return client.createEvent(input);
  return client.updateEvent(row.eventId, input);
}

/** The meeting as the organizer's calendar shows it; attendees are everyone but the organizer. */
export function eventInput(
  meeting: MeetingWithAttendees,
  connection: Pick<ConnectionRow, 'provider' | 'email'>,
): CalendarEventInput {
  const provider = meeting.videoConference ? meeting.videoProvider : null;
  const withVideo =
    provider !== null &&
    isLiveVideo(provider) &&
    videoCalendarProvider(provider) === connection.provider;
  // A development room is no room of the provider's: it travels in the text, labelled.
  const devRoom =
    !withVideo && meeting.meetingUrl
      ? `${videoRoomLabel(meeting.videoProvider, meeting.meetingUrl)}: ${meeting.meetingUrl}`
      : null;
  return {
    key: meeting.id.replace(/-/g, ''),
    title: meeting.title,
    description: [meeting.description, devRoom].filter(Boolean).join('\n\n') || null,
    start: meeting.startAt,
    end: meeting.endAt,
    timezone: meeting.timezone,
    location: meeting.location,
    withVideo,
    attendees: meeting.attendees
      .filter((a) => a.email !== connection.email)
      .map((a) => ({ email: a.email, name: a.name })),
  };
}

type State = {
  row: MeetingCalendarRow;
  meeting: MeetingWithAttendees;
  connection: ConnectionRow | undefined;
};

async function loadState(
  db: Db,
  scope: { organizationId: string; meetingId: string },
): Promise<State | null> {
  const row = await findMeetingCalendar(db, scope);
  if (!row) return null;
  const meeting = await findMeeting(db, {
    organizationId: scope.organizationId,
    id: scope.meetingId,
  });
  if (!meeting) return null;
  const [connection] = await db
    .select()
    .from(calendarConnections)
    .where(
      and(
        eq(calendarConnections.organizationId, scope.organizationId),
        eq(calendarConnections.id, row.connectionId),
      ),
    )
    .limit(1);
  return { row, meeting, connection };
}

/**
 * The event exists as the meeting is now: store its id and link, then announce — the booking
 * once, with its link (CALENDAR_MEETING_SCHEDULED and the candidate's confirmation), or a link
 * that arrived after the booking was announced without it (CALENDAR_MEETING_UPDATED).
 */
async function recordSynced(
  db: Db,
  params: {
    row: MeetingCalendarRow;
    meeting: MeetingWithAttendees;
    event: CalendarEvent;
    now: Date;
  },
): Promise<boolean> {
  const { row, meeting, event, now } = params;
  return db.transaction(async (tx) => {
    const scope = and(
      eq(meetingCalendarEvents.organizationId, row.organizationId),
      eq(meetingCalendarEvents.meetingId, row.meetingId),
    );
    // Stored only while the row still belongs to the calendar the event was made in.
    const [kept] = await tx
      .update(meetingCalendarEvents)
      .set({
        eventId: event.eventId,
        syncedSequence: meeting.sequence,
        responses: { ...row.responses, ...event.responses },
        syncedAt: now,
        lastError: null,
        updatedAt: now,
      })
      .where(and(scope, eq(meetingCalendarEvents.connectionId, row.connectionId)))
      .returning({ id: meetingCalendarEvents.meetingId });
    if (!kept) return false;
    const newUrl = event.joinUrl && event.joinUrl !== meeting.meetingUrl ? event.joinUrl : null;
    if (newUrl) {
      await tx
        .update(meetings)
        .set({ meetingUrl: newUrl, updatedAt: now })
        .where(and(eq(meetings.organizationId, row.organizationId), eq(meetings.id, meeting.id)));
    }
    const [announced] = await tx
      .update(meetingCalendarEvents)
      .set({ announcedAt: now })
      .where(and(scope, isNull(meetingCalendarEvents.announcedAt)))
      .returning({ id: meetingCalendarEvents.meetingId });
    if (announced) {
      await announce(tx, { row, kind: 'SCHEDULED', now });
    } else if (newUrl) {
      await announce(tx, {
        row,
        kind: 'UPDATED',
        changes: [{ field: 'meetingUrl', meetingUrl: newUrl }],
        now,
      });
    }
    return true;
  });
}

/**
 * Records a meeting event from the stored meeting (as it is after this transaction's writes):
 * SCHEDULED with the candidate's confirmation, or UPDATED (with the new link to the candidate
 * when the link is what changed).
 */
export async function announce(
  tx: Db,
  params: {
    row: Pick<MeetingCalendarRow, 'organizationId' | 'meetingId'>;
    kind: 'SCHEDULED' | 'UPDATED';
    changes?: MeetingChange[];
    /** Everyone gets Parley's invite: the organizer's calendar never held the event. */
    inviteEveryone?: boolean;
    now: Date;
  },
): Promise<void> {
  const { row, now } = params;
  const context = await lockMeetingContext(tx, {
    by: 'meeting',
    organizationId: row.organizationId,
    meetingId: row.meetingId,
  });
  const meeting = context.meeting;
  if (!meeting) return;
  const base = { conversation: context.conversation, campaign: context.campaign, meeting, now };
  if (params.kind === 'SCHEDULED') {
    if (meeting.status !== 'SCHEDULED') return;
    await recordMeetingEvent(tx, { ...base, change: { event: 'CALENDAR_MEETING_SCHEDULED' } });
    await queueInvites(tx, {
      ...base,
      participants: context.participants,
      kind: 'SCHEDULED',
      ...(params.inviteEveryone ? {} : { only: 'CANDIDATE' as const }),
    });
    return;
  }
  const changes = params.changes ?? [];
  if (changes.length === 0) return;
  await recordMeetingEvent(tx, {
    ...base,
    change: { event: 'CALENDAR_MEETING_UPDATED', changes },
  });
  if (changes.some((c) => c.field === 'meetingUrl') && meeting.status === 'SCHEDULED') {
    await queueInvites(tx, {
      ...base,
      participants: context.participants,
      kind: 'RESCHEDULED',
      only: 'CANDIDATE',
    });
  }
}

async function markCancelled(db: Db, row: MeetingCalendarRow, now: Date): Promise<void> {
  await db
    .update(meetingCalendarEvents)
    .set({ cancelledAt: now, lastError: null, updatedAt: now })
    .where(
      and(
        eq(meetingCalendarEvents.organizationId, row.organizationId),
        eq(meetingCalendarEvents.meetingId, row.meetingId),
      ),
    );
}

async function recordFailure(
  db: Db,
  params: {
    row: MeetingCalendarRow;
    meeting: MeetingWithAttendees;
    connection: ConnectionRow;
    error: unknown;
    now: Date;
  },
): Promise<void> {
  const { row, meeting, connection, error, now } = params;
  const message = error instanceof Error ? error.message : String(error);
  log.warn('meeting calendar sync failed', {
    organizationId: row.organizationId,
    meetingId: row.meetingId,
    provider: connection.provider,
    error: message,
  });
  const attempts = row.attempts + 1;
  await db
    .update(meetingCalendarEvents)
    .set({ attempts, lastError: message.slice(0, 500), updatedAt: now })
    .where(
      and(
        eq(meetingCalendarEvents.organizationId, row.organizationId),
        eq(meetingCalendarEvents.meetingId, row.meetingId),
      ),
    );
  if (error instanceof CalendarAuthError) {
    await markNeedsReconnect(db, { connection, reason: message, now });
    await giveUp(db, { row, meeting, reason: message, now });
  } else if (attempts >= MAX_SYNC_ATTEMPTS) {
    await giveUp(db, { row, meeting, reason: message, now });
  }
}

/**
 * The organizer's calendar cannot take the event: Parley sends its own invites as it does
 * without a connected calendar, and later changes of the meeting do too (the row is removed).
 * An event made before stays as it is (it may be cancelled by hand).
 */
async function giveUp(
  db: Db,
  params: { row: MeetingCalendarRow; meeting: MeetingWithAttendees; reason: string; now: Date },
): Promise<void> {
  const { row, meeting, now } = params;
  log.warn('meeting calendar sync given up; Parley sends the invites', {
    organizationId: row.organizationId,
    meetingId: row.meetingId,
    reason: params.reason,
  });
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(meetingCalendarEvents)
      .where(
        and(
          eq(meetingCalendarEvents.organizationId, row.organizationId),
          eq(meetingCalendarEvents.meetingId, row.meetingId),
        ),
      )
      .returning();
    if (!removed || meeting.status !== 'SCHEDULED' || removed.eventId) return;
    if (removed.announcedAt) {
      // The candidate already has their confirmation; the interviewers still need an invite.
      const context = await lockMeetingContext(tx, {
        by: 'meeting',
        organizationId: row.organizationId,
        meetingId: row.meetingId,
      });
      if (!context.meeting) return;
      await queueInvites(tx, {
        conversation: context.conversation,
        campaign: context.campaign,
        participants: context.participants,
        meeting: {
          ...context.meeting,
          attendees: context.meeting.attendees.filter((a) => a.role !== 'CANDIDATE'),
        },
        kind: 'SCHEDULED',
        now,
      });
    } else {
      await announce(tx, { row, kind: 'SCHEDULED', inviteEveryone: true, now });
    }
  });
}

/**
 * The `meetings.announce` job, two minutes after a booking: when its calendar event is still
 * missing, CALENDAR_MEETING_SCHEDULED goes out without `meetingUrl` (and the candidate's
 * confirmation with it); CALENDAR_MEETING_UPDATED follows once the link exists (DESIGN §5).
 */
export async function announceWithoutEvent(
  db: Db,
  params: { organizationId: string; meetingId: string; now: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(meetingCalendarEvents)
      .set({ announcedAt: params.now })
      .where(
        and(
          eq(meetingCalendarEvents.organizationId, params.organizationId),
          eq(meetingCalendarEvents.meetingId, params.meetingId),
          isNull(meetingCalendarEvents.announcedAt),
        ),
      )
      .returning();
    if (claimed) await announce(tx, { row: claimed, kind: 'SCHEDULED', now: params.now });
  });
}
