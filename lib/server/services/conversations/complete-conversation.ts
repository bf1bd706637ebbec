import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { conversations } from '@/lib/server/db/schema/conversations';
import type { CampaignRow } from '@/lib/server/queries/campaigns';
import type { ConversationRow } from '@/lib/server/queries/conversations';
import { conversationEventBase } from '@/lib/server/services/events/conversation-event-base';
import { recordEvent } from '@/lib/server/webhooks/outbox';
import { decide, hasEffect, recordsEvent } from './conversation-state';
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
  const { next, effects } = decide(conversation, { type: 'BOOKED' });
  if (next.status === conversation.status) return conversation;
  await tx
    .update(conversations)
    .set({ status: next.status, updatedAt: now })
    .where(eq(conversations.id, conversation.id));
  const completed = { ...conversation, status: next.status, updatedAt: now };
  if (!recordsEvent(effects, 'CONVERSATION_COMPLETED')) return completed;
  await recordEvent(tx, {
    organizationId: conversation.organizationId,
    event: 'CONVERSATION_COMPLETED',
    conversationId: conversation.id,
    data: {
      ...(await conversationEventBase(tx, conversation, params.campaign)),
      conversationStatus: next.status,
    },
    now,
  });
  if (hasEffect(effects, 'RELEASE_QUEUED'))
    await releaseQueuedConversation(tx, { conversation, now });
  return completed;
}
