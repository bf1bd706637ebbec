import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ConversationStatus, SchedulingStatus } from '@/lib/contracts/conversation';
import type { AvailabilityMethod, MeetingConfiguration } from '@/lib/contracts/meeting';
import { campaigns } from './campaigns';
import { createdAt, idColumn, instant, updatedAt } from './columns';
import { meetingTemplates } from './meeting-templates';
import type { DeferredAction } from '@/lib/domain/agent/agent-replies';
import type { AgentMemory } from '@/lib/domain/agent/conversation-machine';
import { organizations } from './organizations';

export const conversations = pgTable(
  'conversations',
  {
    id: idColumn(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    meetingTemplateId: uuid('meeting_template_id').references(() => meetingTemplates.id),
    status: text('status').$type<ConversationStatus>().notNull(),
    /** Null for a regular (not auto-schedule) conversation. */
    schedulingStatus: text('scheduling_status').$type<SchedulingStatus>(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name'),
    phoneNumber: text('phone_number'),
    emailAddress: text('email_address'),
    externalId: text('external_id'),
    /** The candidate's zone, as chosen on the booking page. */
    candidateTimezone: text('candidate_timezone'),
    /** The agent asked for a human (DESIGN §3 `needsReview`). */
    needsReview: boolean('needs_review').notNull().default(false),
    /** A recruiter took the conversation over: the agent sends nothing (DESIGN §3). */
    isHumanTakeover: boolean('is_human_takeover').notNull().default(false),
    /** Bearer credential of the hosted booking page (256 random bits, base64url). */
    bookingToken: text('booking_token'),
    /** With defaults filled and the title rendered; null for a regular conversation. */
    meetingConfiguration: jsonb('meeting_configuration').$type<MeetingConfiguration>(),
    /** COLLECTIVE or ROUND_ROBIN (DESIGN §3); meaningful with a meeting configuration only. */
    availabilityMethod: text('availability_method')
      .$type<AvailabilityMethod>()
      .notNull()
      .default('COLLECTIVE'),
    /** Messages wait for 09:00–18:00 on a weekday in the candidate's zone (DESIGN §3). */
    sendDuringBusinessHours: boolean('send_during_business_hours').notNull().default(false),
    /** Replaces the agent's opening (Popp's `customOpeningMessage`). */
    customOpeningMessage: text('custom_opening_message'),
    applicationSource: text('application_source'),
    /** What the agent remembers between messages (lib/domain/agent/conversation-machine.ts). */
    agentState: jsonb('agent_state').$type<AgentMemory>().notNull().default({}),
    /**
     * The booking, move or cancel a candidate's reply asked for, from the reply's commit until it
     * has run (lib/server/services/agent/reply-action.ts): a job runs it when the process died first.
     */
    pendingReplyAction: jsonb('pending_reply_action').$type<PendingReplyAction>(),
    /** The local part of the conversation's email reply address (`reply+<token>@…`). */
    replyToken: text('reply_token')
      .notNull()
      .default(sql`replace(gen_random_uuid()::text, '-', '')`),
    /** When the opening went out (status ONGOING); follow-ups count from it until a reply. */
    startedAt: instant('started_at'),
    lastCandidateMessageAt: instant('last_candidate_message_at'),
    /** When the next nudge or the timeout is due (the minute sweep runs it); null: nothing due. */
    followUpAt: instant('follow_up_at'),
    closedAt: instant('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('conversations_org_idx').on(t.organizationId, t.id),
    uniqueIndex('conversations_reply_token_idx').on(t.replyToken),
    index('conversations_follow_up_idx')
      .on(t.followUpAt)
      .where(sql`follow_up_at is not null`),
    index('conversations_org_status_idx').on(t.organizationId, t.status, t.id),
    index('conversations_org_campaign_idx').on(t.organizationId, t.campaignId, t.id),
    index('conversations_org_external_idx').on(t.organizationId, t.externalId),
    // One conversation at a time talks to a contact: the database refuses a second CREATED or
    // ONGOING one with the same phone or email, and creation then files it as QUEUED.
    uniqueIndex('conversations_talking_phone_idx')
      .on(t.organizationId, t.phoneNumber)
      .where(sql`status in ('CREATED', 'ONGOING') and phone_number is not null`),
    uniqueIndex('conversations_talking_email_idx')
      .on(t.organizationId, t.emailAddress)
      .where(sql`status in ('CREATED', 'ONGOING') and email_address is not null`),
    index('conversations_queued_idx')
      .on(t.organizationId, t.id)
      .where(sql`status = 'QUEUED'`),
    uniqueIndex('conversations_booking_token_idx').on(t.bookingToken),
    index('conversations_needs_review_idx')
      .on(t.organizationId, t.id)
      .where(sql`needs_review`),
    // The dashboard's list (newest first, keyset on created_at, id): one index per filter it
    // offers, each ending in (created_at, id) so a page is an index range scan at any depth.
    index('conversations_org_created_idx').on(t.organizationId, t.createdAt, t.id),
    index('conversations_org_status_created_idx').on(t.organizationId, t.status, t.createdAt, t.id),
    index('conversations_org_campaign_status_created_idx').on(
      t.organizationId,
      t.campaignId,
      t.status,
      t.createdAt,
      t.id,
    ),
    index('conversations_org_campaign_created_idx').on(
      t.organizationId,
      t.campaignId,
      t.createdAt,
      t.id,
    ),
    index('conversations_org_scheduling_created_idx').on(
      t.organizationId,
      t.schedulingStatus,
      t.createdAt,
      t.id,
    ),
    index('conversations_org_review_created_idx')
      .on(t.organizationId, t.createdAt, t.id)
      .where(sql`needs_review`),
    // Search: email and name by case-insensitive prefix, phone by its last digits (so a number
    // typed with or without its country code is found), external id exactly (above).
    index('conversations_org_email_search_idx').using(
      'btree',
      t.organizationId,
      sql`lower(${t.emailAddress}) text_pattern_ops`,
    ),
    index('conversations_org_phone_search_idx').using(
      'btree',
      t.organizationId,
      sql`reverse(regexp_replace(${t.phoneNumber}, '[^0-9]', '', 'g')) text_pattern_ops`,
    ),
    index('conversations_org_name_search_idx').using(
      'btree',
      t.organizationId,
      sql`lower(${t.firstName} || ' ' || coalesce(${t.lastName}, '')) text_pattern_ops`,
    ),
    index('conversations_org_last_name_search_idx').using(
      'btree',
      t.organizationId,
      sql`lower(${t.lastName}) text_pattern_ops`,
    ),
  ],
);

export const conversationParticipants = pgTable(
  'conversation_participants',
  {
    id: idColumn(),
    organizationId: uuid('organization_id').notNull(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    isOrganizer: boolean('is_organizer').notNull(),
    isCalendarConnected: boolean('is_calendar_connected').notNull(),
    autoCollectAvailability: boolean('auto_collect_availability').notNull(),
    /** Zone of the given time slots (or of collected availability). */
    availabilityTimezone: text('availability_timezone'),
    /** Load limits (DESIGN §4 rule 5), across every conversation of the organization. */
    maxMeetingsPerDay: integer('max_meetings_per_day'),
    maxMeetingsPerWeek: integer('max_meetings_per_week'),
  },
  (t) => [
    index('conversation_participants_conversation_idx').on(t.conversationId, t.position),
    index('conversation_participants_org_email_idx').on(t.organizationId, t.email),
  ],
);

/** Wall-clock free time given for a participant, in the participant's availability zone. */
export const participantTimeSlots = pgTable(
  'participant_time_slots',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => conversationParticipants.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
  },
  (t) => [index('participant_time_slots_participant_idx').on(t.participantId)],
);

/** Every message to or from a candidate; the dev transport's outbox is the same table. */
export const messages = pgTable(
  'messages',
  {
    id: idColumn(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').references(() => conversations.id, {
      onDelete: 'cascade',
    }),
    direction: text('direction').$type<'OUTBOUND' | 'INBOUND'>().notNull(),
    /** Who wrote it (DESIGN §3): the agent, a recruiter, the candidate, or Parley itself. */
    author: text('author').$type<MessageAuthor>().notNull().default('AGENT'),
    channel: text('channel').$type<'SMS' | 'WHATSAPP' | 'EMAIL'>().notNull(),
    toAddress: text('to_address').notNull(),
    fromAddress: text('from_address'),
    subject: text('subject'),
    body: text('body').notNull(),
    attachments:
      jsonb('attachments').$type<{ filename: string; contentType: string; content: string }[]>(),
    transport: text('transport').notNull(),
    providerMessageId: text('provider_message_id'),
    /** An email of an availability request (DESIGN §8), which has no conversation. */
    availabilityRequestId: uuid('availability_request_id'),
    status: text('status')
      .$type<'QUEUED' | 'SENT' | 'DELIVERED' | 'FAILED' | 'RECEIVED'>()
      .notNull(),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [
    index('messages_conversation_idx').on(t.conversationId, t.id),
    index('messages_org_idx').on(t.organizationId, t.id),
    // A provider's message is processed once, however often its webhook is delivered.
    uniqueIndex('messages_provider_inbound_idx')
      .on(t.transport, t.providerMessageId)
      .where(sql`direction = 'INBOUND' and provider_message_id is not null`),
    // Delivery status callbacks find the message by the provider's id.
    index('messages_provider_idx')
      .on(t.providerMessageId)
      .where(sql`provider_message_id is not null`),
    // An inbound SMS names only the candidate's number: the last conversation that wrote to it.
    index('messages_to_address_idx').on(t.toAddress, t.createdAt),
    index('messages_availability_request_idx')
      .on(t.availabilityRequestId)
      .where(sql`availability_request_id is not null`),
  ],
);

export type MessageAuthor = 'AGENT' | 'HUMAN' | 'CANDIDATE' | 'SYSTEM';

/** Contacts who asked to hear nothing more from an organization (DESIGN §7 opt-out). */
export const contactOptOuts = pgTable(
  'contact_opt_outs',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** An E.164 phone number or a lowercased email address. */
    address: text('address').notNull(),
    conversationId: uuid('conversation_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.address] })],
);

/** A reply's deferred action, named by the inbound message that asked for it. */
export type PendingReplyAction = { messageId: string; action: DeferredAction };
