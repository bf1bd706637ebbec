import 'server-only';
import { and, eq } from 'drizzle-orm';
import { DomainError, notFound } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import { campaigns } from '@/lib/server/db/schema/campaigns';
import { conversations } from '@/lib/server/db/schema/conversations';
import { meetings } from '@/lib/server/db/schema/meetings';
import type { CampaignRow } from '@/lib/server/queries/campaigns';
import {
  findParticipants,
  isAutoSchedule,
  type AutoScheduleConversationRow,
  type ConversationRow,
  type StoredParticipant,
} from '@/lib/server/queries/conversations';
import {
  findLatestMeeting,
  findMeeting,
  type MeetingWithAttendees,
} from '@/lib/server/queries/meetings';
import { requireConversationByToken } from '@/lib/server/services/booking/by-token';

/** Who is acting on a meeting: the candidate through the booking link, or the recruiter by id. */
export type MeetingLocator =
  | { by: 'token'; token: string }
  | { by: 'meeting'; organizationId: string; meetingId: string }
  | { by: 'conversation'; organizationId: string; conversationId: string };

export type MeetingContext = {
  conversation: ConversationRow;
  campaign: CampaignRow;
  participants: StoredParticipant[];
  /** The conversation's scheduled meeting, else its last cancelled one. */
  meeting: MeetingWithAttendees | undefined;
};

/** Loads and row-locks the conversation a change is about; call inside a transaction. */
export async function lockMeetingContext(tx: Db, locator: MeetingLocator): Promise<MeetingContext> {
  const conversation = await lockConversation(tx, locator);
  const [campaign] = await tx
    .select()
    .from(campaigns)
    .where(eq(campaigns.id, conversation.campaignId))
    .limit(1);
  const participants = await findParticipants(tx, {
    organizationId: conversation.organizationId,
    conversationIds: [conversation.id],
  });
  const meeting =
    locator.by === 'meeting'
      ? await findMeeting(tx, { organizationId: locator.organizationId, id: locator.meetingId })
      : await findLatestMeeting(tx, {
          organizationId: conversation.organizationId,
          conversationId: conversation.id,
        });
  return {
    conversation,
    campaign: campaign!,
    participants: participants.get(conversation.id) ?? [],
    meeting,
  };
}

/**
 * The conversation and participants a change is about, read without locks: what the checks made
 * before the transaction (the fresh calendar answer) need.
 */
export async function readMeetingScope(
  db: Db,
  locator: MeetingLocator,
): Promise<{ conversation: ConversationRow; participants: StoredParticipant[] }> {
  const conversation = await lockConversation(db, locator, { lock: false });
  const participants = await findParticipants(db, {
    organizationId: conversation.organizationId,
    conversationIds: [conversation.id],
  });
  return { conversation, participants: participants.get(conversation.id) ?? [] };
}

async function lockConversation(
  tx: Db,
  locator: MeetingLocator,
  options: { lock: boolean } = { lock: true },
): Promise<ConversationRow> {
  if (locator.by === 'token') return requireConversationByToken(tx, locator.token, options);
  let conversationId: string;
  if (locator.by === 'meeting') {
    const [target] = await tx
      .select({ conversationId: meetings.conversationId })
      .from(meetings)
      .where(
        and(
          eq(meetings.organizationId, locator.organizationId),
          eq(meetings.id, locator.meetingId),
        ),
      )
      .limit(1);
    if (!target) throw notFound('Meeting');
    conversationId = target.conversationId;
  } else {
    conversationId = locator.conversationId;
  }
  const query = tx
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.organizationId, locator.organizationId),
        eq(conversations.id, conversationId),
      ),
    )
    .limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound(locator.by === 'meeting' ? 'Meeting' : 'Conversation');
  return row;
}

/** The context's conversation as an auto-schedule one; a regular conversation has no meetings. */
export function requireAutoSchedule(conversation: ConversationRow): AutoScheduleConversationRow {
  if (!isAutoSchedule(conversation)) {
    throw new DomainError('conflict', 'This conversation does not schedule a meeting.');
  }
  return conversation;
}

export function requireScheduled(context: MeetingContext): MeetingWithAttendees {
  if (context.meeting?.status !== 'SCHEDULED') {
    throw new DomainError('conflict', 'There is no scheduled meeting to change.');
  }
  return context.meeting;
}

const endedStatuses = ['CLOSED', 'OPTED_OUT', 'DELIVERY_FAILED'];

export function assertConversationOpen(conversation: ConversationRow): void {
  if (endedStatuses.includes(conversation.status)) {
    throw new DomainError(
      'conflict',
      `This conversation has ended (status ${conversation.status}).`,
    );
  }
}
