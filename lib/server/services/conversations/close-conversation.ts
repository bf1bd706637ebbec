import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { ConversationDetail } from '@/lib/contracts/conversation';
import { DomainError, notFound } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import { conversations } from '@/lib/server/db/schema/conversations';
import { findLatestMeeting } from '@/lib/server/queries/meetings';
import { cancelMeetingInTransaction } from '@/lib/server/services/meetings/cancel-meeting';
import { getConversation } from './get-conversation';
import { releaseQueuedConversation } from './release-queue';

/**
 * Stops the conversation (status CLOSED) and cancels its meeting if one is scheduled. Closing a
 * closed conversation changes nothing; one that already ended otherwise is a conflict.
 */
export async function closeConversation(
  db: Db,
  params: { organizationId: string; id: string; now: Date },
): Promise<ConversationDetail> {
  const { organizationId, id, now } = params;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.organizationId, organizationId), eq(conversations.id, id)))
      .for('update')
      .limit(1);
    if (!row) throw notFound('Conversation');
    if (row.status === 'CLOSED') return;
    if (
      row.status === 'COMPLETED' ||
      row.status === 'OPTED_OUT' ||
      row.status === 'DELIVERY_FAILED'
    ) {
      throw new DomainError(
        'conflict',
        `The conversation has already ended (status ${row.status}).`,
      );
    }
    const meeting = await findLatestMeeting(tx, { organizationId, conversationId: id });
    if (meeting?.status === 'SCHEDULED') {
      await cancelMeetingInTransaction(tx, {
        conversation: row,
        meeting,
        cancelledBy: 'RECRUITER',
        reason: 'The conversation was closed.',
        now,
      });
    }
    await tx
      .update(conversations)
      .set({ status: 'CLOSED', closedAt: now, updatedAt: now })
      .where(eq(conversations.id, id));
    if (row.status !== 'QUEUED') await releaseQueuedConversation(tx, { conversation: row, now });
  });
  return getConversation(db, { organizationId, id });
}
