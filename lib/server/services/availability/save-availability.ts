import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { WallTimeSlot } from '@/lib/domain/availability/time-slots';
import type { Db } from '@/lib/server/db/client';
import { availabilityRequests, userCalendars } from '@/lib/server/db/schema/calendars';
import {
  conversationParticipants,
  conversations,
  participantTimeSlots,
} from '@/lib/server/db/schema/conversations';
import { findConversationCampaign } from '@/lib/server/queries/campaigns';
import { findParticipants, type ConversationRow } from '@/lib/server/queries/conversations';
import { applyTransition } from '@/lib/server/services/agent/apply-transition';
import {
  findOfferableSlot,
  recordAvailabilityNotFound,
} from '@/lib/server/services/booking/availability-status';
import { decide } from '@/lib/server/services/conversations/conversation-state';
import { findCollectingConversations } from './availability-requests';

export type SavedAvailability = {
  /** Conversations that left AWAITING_AVAILABILITY with a booking link. */
  released: number;
  /** Conversations whose offered times now follow the new availability. */
  updated: number;
  /** Conversations the saved times cannot serve (outside their open hours, or all taken). */
  unserved: number;
};

/**
 * A person's availability, from a reply, the form or `PUT /v1/user-calendars/{id}/availability`
 * (DESIGN §8): stored on their user calendar, their open request answered, and every conversation
 * collecting from them offers it. Those waiting leave AWAITING_AVAILABILITY for LINK_SENT and the
 * agent sends each candidate their link (business hours kept); a conversation the times cannot
 * serve becomes NO_AVAILABILITY with CALENDAR_AVAILABILITY_NOT_FOUND instead of a link to nothing.
 */
export async function saveAvailability(
  db: Db,
  params: {
    organizationId: string;
    userCalendarId: string;
    timezone: string;
    timeSlots: WallTimeSlot[];
    now: Date;
  },
): Promise<SavedAvailability | null> {
  const { organizationId, now } = params;
  const [calendar] = await db
    .select()
    .from(userCalendars)
    .where(
      and(
        eq(userCalendars.organizationId, organizationId),
        eq(userCalendars.id, params.userCalendarId),
      ),
    )
    .limit(1);
  if (!calendar) return null;
  const timeSlots = [...params.timeSlots].sort((a, b) =>
    a.date === b.date ? a.startTime.localeCompare(b.startTime) : a.date.localeCompare(b.date),
  );
  const collecting = await findCollectingConversations(db, {
    organizationId,
    email: calendar.email,
    statuses: ['AWAITING_AVAILABILITY', 'LINK_SENT', 'NO_AVAILABILITY'],
  });
  // Which conversations can offer a start with the new times: computed before the transaction
  // (slot computation reads calendars), with the collected participant's times replaced.
  const participantsByConversation = await findParticipants(db, {
    organizationId,
    conversationIds: collecting.map((c) => c.conversationId),
  });
  const rows = collecting.length
    ? await db
        .select()
        .from(conversations)
        .where(
          and(
            eq(conversations.organizationId, organizationId),
            inArray(
              conversations.id,
              collecting.map((c) => c.conversationId),
            ),
          ),
        )
    : [];
  const offerable = new Map<string, boolean>();
  for (const conversation of rows) {
    if (!conversation.meetingConfiguration) continue;
    const participants = (participantsByConversation.get(conversation.id) ?? []).map((p) =>
      p.autoCollectAvailability && p.email === calendar.email
        ? {
            ...p,
            availability: timeSlots.length ? { timezone: params.timezone, timeSlots } : null,
          }
        : p,
    );
    const { isOfferable } = await findOfferableSlot(db, {
      organizationId,
      configuration: conversation.meetingConfiguration,
      participants,
      method: conversation.availabilityMethod,
      now,
    });
    offerable.set(conversation.id, isOfferable);
  }

  return db.transaction(async (tx) => {
    await tx
      .update(userCalendars)
      .set({
        availabilityTimezone: params.timezone,
        availabilitySlots: timeSlots,
        availabilitySavedAt: now,
        updatedAt: now,
      })
      .where(
        and(eq(userCalendars.organizationId, organizationId), eq(userCalendars.id, calendar.id)),
      );
    await tx
      .update(availabilityRequests)
      .set({ status: 'ANSWERED', answeredAt: now, nextActionAt: null, updatedAt: now })
      .where(
        and(
          eq(availabilityRequests.organizationId, organizationId),
          eq(availabilityRequests.userCalendarId, calendar.id),
          eq(availabilityRequests.status, 'OPEN'),
        ),
      );
    const result: SavedAvailability = { released: 0, updated: 0, unserved: 0 };
    for (const { conversationId, participantId } of collecting) {
      const [conversation] = await tx
        .select()
        .from(conversations)
        .where(
          and(
            eq(conversations.organizationId, organizationId),
            eq(conversations.id, conversationId),
          ),
        )
        .for('update')
        .limit(1);
      if (!conversation || !offerable.has(conversationId)) continue;
      await replaceParticipantSlots(tx, { participantId, timezone: params.timezone, timeSlots });
      const outcome = await offerTimes(tx, {
        conversation,
        isOfferable: offerable.get(conversationId)!,
        now,
      });
      result[outcome]++;
    }
    return result;
  });
}

/** A participant's time slots replaced by the collected ones (in their zone). */
export async function replaceParticipantSlots(
  tx: Db,
  params: { participantId: string; timezone: string; timeSlots: WallTimeSlot[] },
): Promise<void> {
  await tx
    .delete(participantTimeSlots)
    .where(eq(participantTimeSlots.participantId, params.participantId));
  if (params.timeSlots.length > 0)
    await tx.insert(participantTimeSlots).values(
      params.timeSlots.map((slot) => ({
        participantId: params.participantId,
        date: slot.date,
        startTime: slot.startTime,
        endTime: slot.endTime,
      })),
    );
  await tx
    .update(conversationParticipants)
    .set({ availabilityTimezone: params.timezone })
    .where(eq(conversationParticipants.id, params.participantId));
}

/** One collecting conversation after its participant's times changed (locked by the caller). */
async function offerTimes(
  tx: Db,
  params: { conversation: ConversationRow; isOfferable: boolean; now: Date },
): Promise<keyof SavedAvailability> {
  const { conversation, isOfferable, now } = params;
  const where = and(
    eq(conversations.organizationId, conversation.organizationId),
    eq(conversations.id, conversation.id),
  );
  if (!isOfferable) {
    if (conversation.schedulingStatus !== 'NO_AVAILABILITY') {
      await tx
        .update(conversations)
        .set({ schedulingStatus: 'NO_AVAILABILITY', updatedAt: now })
        .where(where);
      const configuration = conversation.meetingConfiguration!;
      await recordAvailabilityNotFound(tx, {
        conversation,
        range: {
          start: now.getTime(),
          end: now.getTime() + configuration.bookingHorizonDays * 86_400_000,
        },
        now,
      });
    }
    return 'unserved';
  }
  if (conversation.schedulingStatus === 'LINK_SENT') return 'updated';
  await tx
    .update(conversations)
    .set({ schedulingStatus: 'LINK_SENT', updatedAt: now })
    .where(where);
  // A conversation not started yet sends its link in the opening message.
  if (conversation.status !== 'ONGOING') return 'released';
  const campaign = await findConversationCampaign(tx, conversation);
  if (!campaign) return 'released';
  await applyTransition(tx, {
    conversation: { ...conversation, schedulingStatus: 'LINK_SENT' },
    campaign,
    transition: decide(
      { ...conversation, schedulingStatus: 'AWAITING_AVAILABILITY' },
      { type: 'AVAILABILITY_ARRIVED' },
    ),
    now,
  });
  return 'released';
}
