import 'server-only';
import { newReplyToken } from '@/lib/server/ids';
import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { ConversationStatus } from '@/lib/contracts/conversation';
import type { MeetingConfiguration, MeetingParticipant } from '@/lib/contracts/meeting';
import { executeRows, type Db } from '@/lib/server/db/client';
import {
  conversationParticipants,
  conversations,
  messages,
  participantTimeSlots,
} from '@/lib/server/db/schema/conversations';
import { decodeCursor, type PageParams } from './pagination';

export type ConversationRow = typeof conversations.$inferSelect;
/** An auto-schedule conversation: it has a meeting configuration (and a booking link). */
export type AutoScheduleConversationRow = ConversationRow & {
  meetingConfiguration: MeetingConfiguration;
};

export function isAutoSchedule(row: ConversationRow): row is AutoScheduleConversationRow {
  return row.meetingConfiguration !== null;
}
export type MessageRow = typeof messages.$inferSelect;
type ParticipantRow = typeof conversationParticipants.$inferSelect;
type TimeSlotRow = typeof participantTimeSlots.$inferSelect;
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
    const list = byConversation.get(row.conversationId) ?? [];
    list.push(toStoredParticipant(row, slotsByParticipant.get(row.id) ?? []));
    byConversation.set(row.conversationId, list);
  }
  return byConversation;
}

/** A participant row with its time slots (in id order), as the services use it. */
export function toStoredParticipant(
  row: ParticipantRow,
  slots: Pick<TimeSlotRow, 'date' | 'startTime' | 'endTime'>[],
): StoredParticipant {
  const timeSlots = slots.map((s) => ({
    date: s.date,
    startTime: s.startTime,
    endTime: s.endTime,
  }));
  return {
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
    maxMeetingsPerDay: row.maxMeetingsPerDay,
    maxMeetingsPerWeek: row.maxMeetingsPerWeek,
  };
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

/**
 * Inserts a conversation with its participants and their time slots in one statement (atomic
 * without an explicit transaction). It is CREATED unless another conversation already talks to
 * the same phone or email — the unique indexes `conversations_talking_*` refuse that row — in
 * which case it is inserted again as QUEUED. Returns the status it got.
 */
export async function insertConversation(
  db: Db,
  params: {
    conversation: Omit<typeof conversations.$inferInsert, 'status'>;
    participants: (MeetingParticipant & { id: string })[];
  },
): Promise<'CREATED' | 'QUEUED'> {
  for (const status of ['CREATED', 'QUEUED'] as const) {
    const [row] = await executeRows<{ inserted: number }>(db, insertStatement(params, status));
    if (Number(row?.inserted) > 0) return status;
  }
  throw new Error('A queued conversation could not be inserted.');
}

function insertStatement(
  params: Parameters<typeof insertConversation>[1],
  status: 'CREATED' | 'QUEUED',
): SQL {
  const { conversation: c, participants } = params;
  const people = participants.map((p, position) => ({
    id: p.id,
    position,
    name: p.name,
    email: p.email,
    is_organizer: p.isOrganizer,
    is_calendar_connected: p.isCalendarConnected,
    auto_collect_availability: p.autoCollectAvailability,
    availability_timezone: p.availability?.timezone ?? null,
    max_meetings_per_day: p.maxMeetingsPerDay,
    max_meetings_per_week: p.maxMeetingsPerWeek,
  }));
  const slots = participants.flatMap((p) =>
    (p.availability?.timeSlots ?? []).map((s) => ({
      participant_id: p.id,
      date: s.date,
      start_time: s.startTime,
      end_time: s.endTime,
    })),
  );
  const at = (c.createdAt ?? new Date()).toISOString();
  return sql`
    with conversation as (
      insert into conversations (id, organization_id, campaign_id, meeting_template_id, status, scheduling_status,
        first_name, last_name, phone_number, email_address, external_id, booking_token, meeting_configuration,
        availability_method, reply_token, send_during_business_hours, custom_opening_message,
        application_source, created_at, updated_at)
      values (${c.id}, ${c.organizationId}, ${c.campaignId}, ${c.meetingTemplateId ?? null}, ${status},
        ${c.schedulingStatus ?? null}, ${c.firstName}, ${c.lastName ?? null}, ${c.phoneNumber ?? null},
        ${c.emailAddress ?? null}, ${c.externalId ?? null}, ${c.bookingToken ?? null},
        ${c.meetingConfiguration ? JSON.stringify(c.meetingConfiguration) : null}::jsonb,
        ${c.availabilityMethod ?? 'COLLECTIVE'}, ${c.replyToken ?? newReplyToken()},
        ${c.sendDuringBusinessHours ?? false}, ${c.customOpeningMessage ?? null},
        ${c.applicationSource ?? null}, ${at}::timestamptz,
        ${at}::timestamptz)
      on conflict do nothing
      returning id
    ), people as (
      insert into conversation_participants (id, organization_id, conversation_id, position, name, email, is_organizer,
        is_calendar_connected, auto_collect_availability, availability_timezone, max_meetings_per_day,
        max_meetings_per_week)
      select p.id, ${c.organizationId}, conversation.id, p.position, p.name, p.email, p.is_organizer,
        p.is_calendar_connected, p.auto_collect_availability, p.availability_timezone, p.max_meetings_per_day,
        p.max_meetings_per_week
      from conversation, jsonb_to_recordset(${JSON.stringify(people)}::jsonb) as p(id uuid, position int, name text,
        email text, is_organizer boolean, is_calendar_connected boolean, auto_collect_availability boolean,
        availability_timezone text, max_meetings_per_day int, max_meetings_per_week int)
      returning id
    ), slots as (
      insert into participant_time_slots (participant_id, date, start_time, end_time)
      select s.participant_id, s.date, s.start_time, s.end_time
      from jsonb_to_recordset(${JSON.stringify(slots)}::jsonb) as s(participant_id uuid, date date, start_time text, end_time text)
      where exists (select 1 from people)
    )
    select count(*)::int as inserted from conversation`;
}
