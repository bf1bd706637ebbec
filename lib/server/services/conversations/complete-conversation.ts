import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { conversations } from '@/lib/server/db/schema/conversations';
import type { CampaignRow } from '@/lib/server/queries/campaigns';
import type { ConversationRow } from '@/lib/server/queries/conversations';
import { conversationEventBase } from '@/lib/server/services/events/conversation-event-base';
import { recordEvent } from '@/lib/server/webhooks/outbox';
import { releaseQueuedConversation } from './release-queue';

/**
 * The conversation reached its goal (the candidate booked): COMPLETED, CONVERSATION_COMPLETED,
 * and the next conversation queued for the same contact may start. In the caller's transaction;
 * a conversation that is not active is left as it is.
 */
export async function completeConversation(
  tx: Db,
  params: { conversation: ConversationRow; campaign?: Pick<CampaignRow, 'externalId'>; now: Date },
): Promise<ConversationRow> {
  const { conversation, now } = params;
  if (
    conversation.status !== 'CREATED' &&
    conversation.status !== 'ONGOING' &&
    conversation.status !== 'QUEUED'
  ) {
    return conversation;
  }
  await tx
    .update(conversations)
    .set({ status: 'COMPLETED', updatedAt: now })
    .where(eq(conversations.id, conversation.id));
  const completed = { ...conversation, status: 'COMPLETED' as const, updatedAt: now };
  await recordEvent(tx, {
    organizationId: conversation.organizationId,
    event: 'CONVERSATION_COMPLETED',
    conversationId: conversation.id,
    data: {
      ...(await conversationEventBase(tx, conversation, params.campaign)),
      conversationStatus: 'COMPLETED',
    },
    now,
  });
  if (conversation.status !== 'QUEUED') await releaseQueuedConversation(tx, { conversation, now });
  return completed;
}
