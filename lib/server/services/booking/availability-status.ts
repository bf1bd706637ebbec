import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { activeConversationStatuses, type SchedulingStatus } from '@/lib/contracts/conversation';
import type { AvailabilityMethod, MeetingConfiguration } from '@/lib/contracts/meeting';
import { computeSlots } from '@/lib/domain/slots/compute-slots';
import type { Interval } from '@/lib/domain/slots/types';
import type { Db } from '@/lib/server/db/client';
import { conversationParticipants, conversations } from '@/lib/server/db/schema/conversations';
import {
  findParticipants,
  type ConversationRow,
  type StoredParticipant,
} from '@/lib/server/queries/conversations';
import { conversationEventBase } from '@/lib/server/services/events/conversation-event-base';
import { recordEvent } from '@/lib/server/webhooks/outbox';
import {
  ensureAvailabilityRequest,
  findCollectorCalendar,
} from '@/lib/server/services/availability/availability-requests';
import { hasUnknownCalendar, loadParticipantBusy, loadSlotInput } from './slot-input';

const DAY = 86_400_000;

/** The instants a link may offer starts in: from `now` to the end of its booking horizon. */
export function horizonOf(configuration: MeetingConfiguration, now: Date): Interval {
  return { start: now.getTime(), end: now.getTime() + configuration.bookingHorizonDays * DAY };
}

/** Is any start offered within the booking horizon from `now`? Also the searched range. */
export async function findOfferableSlot(
  db: Db,
  params: {
    organizationId: string;
    configuration: MeetingConfiguration;
    participants: StoredParticipant[];
    method: AvailabilityMethod;
    now: Date;
  },
): Promise<{ isOfferable: boolean; range: Interval }> {
  const range = horizonOf(params.configuration, params.now);
  const calendarBusy = await loadParticipantBusy(db, { ...params, range, mode: 'cached' });
  const input = await loadSlotInput(db, {
    ...params,
    now: range.start,
    range,
    limit: 1,
    calendarBusy,
  });
  // A calendar that gave no answer offers nothing now, but that is not "no availability": the
  // link keeps its status until the calendar answers.
  const isOfferable = computeSlots(input).length > 0 || hasUnknownCalendar(calendarBusy);
  return { isOfferable, range };
}

/** CALENDAR_AVAILABILITY_NOT_FOUND, in the transaction that moved the conversation to NO_AVAILABILITY. */
export async function recordAvailabilityNotFound(
  tx: Db,
  params: { conversation: ConversationRow; range: Interval; now: Date },
): Promise<void> {
  const { conversation, range, now } = params;
  await recordEvent(tx, {
    organizationId: conversation.organizationId,
    event: 'CALENDAR_AVAILABILITY_NOT_FOUND',
    conversationId: conversation.id,
    data: {
      ...(await conversationEventBase(tx, conversation)),
      searchedFrom: new Date(range.start).toISOString(),
      searchedTo: new Date(range.end).toISOString(),
    },
    now,
  });
}

/**
 * Moves a conversation between LINK_SENT and NO_AVAILABILITY to match what can be offered now
 * within its booking horizon. Entering NO_AVAILABILITY records CALENDAR_AVAILABILITY_NOT_FOUND
 * once per episode: the conditional update lets only one concurrent caller make the change.
 */
export async function refreshSchedulingStatus(
  db: Db,
  params: {
    conversation: ConversationRow;
    participants: StoredParticipant[];
    now: Date;
    /** Already known by the caller for the same horizon (the booking page computed its slots). */
    isOfferable?: boolean;
  },
): Promise<SchedulingStatus | null> {
  const { conversation, participants, now } = params;
  const current = conversation.schedulingStatus;
  const configuration = conversation.meetingConfiguration;
  if (
    !configuration ||
    (current !== 'LINK_SENT' && current !== 'NO_AVAILABILITY') ||
    !(activeConversationStatuses as readonly string[]).includes(conversation.status)
  ) {
    return current;
  }
  const range = horizonOf(configuration, now);
  const isOfferable =
    params.isOfferable ??
    (
      await findOfferableSlot(db, {
        organizationId: conversation.organizationId,
        configuration,
        participants,
        method: conversation.availabilityMethod,
        now,
      })
    ).isOfferable;
  const next: SchedulingStatus = isOfferable ? 'LINK_SENT' : 'NO_AVAILABILITY';
  // Collected times that ran out while the candidate waits: the person is asked again (at most
  // once a day, and not after a request they let expire), and the link waits for the answer.
  const collector = participants.find((p) => p.autoCollectAvailability);
  if (next === 'NO_AVAILABILITY' && collector) {
    const asked = await askAgain(db, { conversation, email: collector.email, now });
    if (asked) return 'AWAITING_AVAILABILITY';
  }
  if (next === current) return current;

  return db.transaction(async (tx) => {
    const changed = await tx
      .update(conversations)
      .set({ schedulingStatus: next, updatedAt: now })
      .where(
        and(eq(conversations.id, conversation.id), eq(conversations.schedulingStatus, current)),
      )
      .returning({ id: conversations.id });
    if (changed.length === 0) return current;
    if (next === 'NO_AVAILABILITY')
      await recordAvailabilityNotFound(tx, { conversation, range, now });
    return next;
  });
}

/**
 * Re-checks the open booking links that share an interviewer with a meeting that just changed:
 * a booking can use up another link's last slot; a cancellation can free one.
 */
export async function refreshConversationsSharing(
  db: Db,
  params: { organizationId: string; emails: string[]; now: Date; exceptConversationId?: string },
): Promise<void> {
  if (params.emails.length === 0) return;
  const rows = await db
    .selectDistinct({ conversation: conversations })
    .from(conversations)
    .innerJoin(
      conversationParticipants,
      eq(conversationParticipants.conversationId, conversations.id),
    )
    .where(
      and(
        eq(conversations.organizationId, params.organizationId),
        inArray(conversationParticipants.email, params.emails),
        inArray(conversations.schedulingStatus, ['LINK_SENT', 'NO_AVAILABILITY']),
        inArray(conversations.status, [...activeConversationStatuses]),
        params.exceptConversationId
          ? sql`${conversations.id} <> ${params.exceptConversationId}`
          : undefined,
      ),
    )
    .limit(500);
  if (rows.length === 0) return;
  const participants = await findParticipants(db, {
    organizationId: params.organizationId,
    conversationIds: rows.map((r) => r.conversation.id),
  });
  for (const { conversation } of rows) {
    await refreshSchedulingStatus(db, {
      conversation,
      participants: participants.get(conversation.id) ?? [],
      now: params.now,
    });
  }
}

async function askAgain(
  db: Db,
  params: { conversation: ConversationRow; email: string; now: Date },
): Promise<boolean> {
  const { conversation, now } = params;
  const calendar = await findCollectorCalendar(db, {
    organizationId: conversation.organizationId,
    email: params.email,
  });
  if (!calendar?.availabilitySavedAt) return false;
  return db.transaction(async (tx) => {
    const request = await ensureAvailabilityRequest(tx, {
      organizationId: conversation.organizationId,
      userCalendarId: calendar.id,
      now,
      onlyIfDue: true,
      timesSavedAt: calendar.availabilitySavedAt,
    });
    if (!request) return false;
    const changed = await tx
      .update(conversations)
      .set({ schedulingStatus: 'AWAITING_AVAILABILITY', updatedAt: now })
      .where(
        and(
          eq(conversations.id, conversation.id),
          // The row may have moved between the two since it was read (a refresh job, a page view).
          inArray(conversations.schedulingStatus, ['LINK_SENT', 'NO_AVAILABILITY']),
        ),
      )
      .returning({ id: conversations.id });
    return changed.length > 0;
  });
}
