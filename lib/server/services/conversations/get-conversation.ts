import 'server-only';
import type { Conversation, ConversationDetail } from '@/lib/contracts/conversation';
import { notFound } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import {
  findConversation,
  findMessages,
  findParticipants,
  listConversationRows,
  type ConversationFilters,
  type ConversationRow,
} from '@/lib/server/queries/conversations';
import { toPage, type Page, type PageParams } from '@/lib/server/queries/pagination';
import { findLatestMeeting } from '@/lib/server/queries/meetings';
import { toMeeting } from '@/lib/server/services/meetings/to-meeting';
import { toConversation, toMessage } from './to-conversation';

export async function requireConversation(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<ConversationRow> {
  const row = await findConversation(db, params);
  if (!row) throw notFound('Conversation');
  return row;
}

/** One conversation with its messages and its meeting (the current one, or the last cancelled). */
export async function getConversation(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<ConversationDetail> {
  const row = await requireConversation(db, params);
  const [participants, messages, meeting] = await Promise.all([
    findParticipants(db, { organizationId: params.organizationId, conversationIds: [row.id] }),
    findMessages(db, { organizationId: params.organizationId, conversationId: row.id }),
    findLatestMeeting(db, { organizationId: params.organizationId, conversationId: row.id }),
  ]);
  return {
    ...toConversation(row, participants.get(row.id) ?? []),
    messages: messages.map(toMessage),
    meeting: meeting ? toMeeting(meeting) : null,
  };
}

export async function listConversations(
  db: Db,
  params: PageParams & ConversationFilters,
): Promise<Page<Conversation>> {
  const rows = await listConversationRows(db, params);
  const participants = await findParticipants(db, {
    organizationId: params.organizationId,
    conversationIds: rows.slice(0, params.limit).map((r) => r.id),
  });
  return toPage(rows, params.limit, (row) => toConversation(row, participants.get(row.id) ?? []));
}
