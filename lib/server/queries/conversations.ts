import 'server-only';
import { and, asc, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import { activeConversationStatuses, type ConversationStatus } from '@/lib/contracts/conversation';
import type { MeetingParticipant } from '@/lib/contracts/meeting';
import type { Db } from '@/lib/server/db/client';
import {
  conversationParticipants,
  conversations,
  messages,
  participantTimeSlots,
} from '@/lib/server/db/schema/conversations';
import { decodeCursor, type PageParams } from './pagination';

export type ConversationRow = typeof conversations.$inferSelect;
export type ParticipantRow = typeof conversationParticipants.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type StoredParticipant = MeetingParticipant & { id: string };

export async function findConversation(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<ConversationRow | undefined> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(
      and(eq(conversations.organizationId, params.organizationId), eq(conversations.id, params.id)),
    )
    .limit(1);
  return row;
}

export async function findConversationByToken(
  db: Db,
  token: string,
): Promise<ConversationRow | undefined> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(eq(conversations.bookingToken, token))
    .limit(1);
  return row;
}

export type ConversationFilters = {
  organizationId: string;
  status?: ConversationStatus | undefined;
  externalId?: string | undefined;
  campaignId?: string | undefined;
};

export async function listConversationRows(
  db: Db,
  params: PageParams & ConversationFilters,
): Promise<ConversationRow[]> {
  const after = decodeCursor(params.cursor);
  const filters: (SQL | undefined)[] = [
    eq(conversations.organizationId, params.organizationId),
    params.status ? eq(conversations.status, params.status) : undefined,
    params.externalId !== undefined ? eq(conversations.externalId, params.externalId) : undefined,
    params.campaignId ? eq(conversations.campaignId, params.campaignId) : undefined,
    after ? lt(conversations.id, after) : undefined,
  ];
  return db
    .select()
    .from(conversations)
    .where(and(...filters))
    .orderBy(desc(conversations.id))
    .limit(params.limit + 1);
}

/** Participants of the given conversations with their time slots, in request order. */
export async function findParticipants(
  db: Db,
  params: { organizationId: string; conversationIds: string[] },
): Promise<Map<string, StoredParticipant[]>> {
  const byConversation = new Map<string, StoredParticipant[]>();
  if (params.conversationIds.length === 0) return byConversation;
  const rows = await db
    .select()
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.organizationId, params.organizationId),
        inArray(conversationParticipants.conversationId, params.conversationIds),
      ),
    )
    .orderBy(asc(conversationParticipants.conversationId), asc(conversationParticipants.position));
  const withSlots = rows.filter((r) => r.availabilityTimezone !== null).map((r) => r.id);
  const slots =
    withSlots.length === 0
      ? []
      : await db
          .select()
          .from(participantTimeSlots)
          .where(inArray(participantTimeSlots.participantId, withSlots))
          .orderBy(asc(participantTimeSlots.id));
  const slotsByParticipant = new Map<string, typeof slots>();
  for (const slot of slots) {
    const list = slotsByParticipant.get(slot.participantId) ?? [];
    list.push(slot);
    slotsByParticipant.set(slot.participantId, list);
  }
  for (const row of rows) {
    const timeSlots = (slotsByParticipant.get(row.id) ?? []).map((s) => ({
      date: s.date,
      startTime: s.startTime,
      endTime: s.endTime,
    }));
    const list = byConversation.get(row.conversationId) ?? [];
    list.push({
      id: row.id,
      name: row.name,
      email: row.email,
      isOrganizer: row.isOrganizer,
      isCalendarConnected: row.isCalendarConnected,
      autoCollectAvailability: row.autoCollectAvailability,
      availability:
        row.availabilityTimezone !== null && timeSlots.length > 0
          ? { timezone: row.availabilityTimezone, timeSlots }
          : null,
    });
    byConversation.set(row.conversationId, list);
  }
  return byConversation;
}

export async function findMessages(
  db: Db,
  params: { organizationId: string; conversationId: string },
): Promise<MessageRow[]> {
  return db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.organizationId, params.organizationId),
        eq(messages.conversationId, params.conversationId),
      ),
    )
    .orderBy(asc(messages.id));
}

/** Is another conversation of the organization still talking to this phone number or email? */
export async function hasActiveConversationWithContact(
  db: Db,
  params: { organizationId: string; phoneNumber: string | null; emailAddress: string | null },
): Promise<boolean> {
  const contact = [
    params.phoneNumber ? eq(conversations.phoneNumber, params.phoneNumber) : undefined,
    params.emailAddress ? eq(conversations.emailAddress, params.emailAddress) : undefined,
  ].filter(Boolean);
  if (contact.length === 0) return false;
  const rows = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.organizationId, params.organizationId),
        inArray(conversations.status, [...activeConversationStatuses]),
        or(...contact),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertConversation(
  db: Db,
  params: {
    conversation: typeof conversations.$inferInsert;
    participants: (MeetingParticipant & { id: string })[];
  },
): Promise<void> {
  const { conversation, participants } = params;
  await db.insert(conversations).values(conversation);
  if (participants.length === 0) return;
  await db.insert(conversationParticipants).values(
    participants.map((p, position) => ({
      id: p.id,
      organizationId: conversation.organizationId,
      conversationId: conversation.id,
      position,
      name: p.name,
      email: p.email,
      isOrganizer: p.isOrganizer,
      isCalendarConnected: p.isCalendarConnected,
      autoCollectAvailability: p.autoCollectAvailability,
      availabilityTimezone: p.availability?.timezone ?? null,
    })),
  );
  const slots = participants.flatMap((p) =>
    (p.availability?.timeSlots ?? []).map((s) => ({ participantId: p.id, ...s })),
  );
  if (slots.length > 0) await db.insert(participantTimeSlots).values(slots);
}
