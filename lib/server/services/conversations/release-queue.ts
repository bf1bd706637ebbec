import 'server-only';
import { and, asc, eq, or } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { conversations } from '@/lib/server/db/schema/conversations';
import { enqueueJob } from '@/lib/server/jobs/enqueue';
import type { ConversationRow } from '@/lib/server/queries/conversations';
import { decide, hasEffect } from './conversation-state';

/**
 * When a conversation with a contact ends, the oldest conversation queued behind it for the same
 * phone number or email becomes CREATED (and is started like a new one).
 */
export async function releaseQueuedConversation(
  tx: Db,
  params: { conversation: ConversationRow; now: Date },
): Promise<string | null> {
  const { conversation, now } = params;
  const contact = [
    conversation.phoneNumber ? eq(conversations.phoneNumber, conversation.phoneNumber) : undefined,
    conversation.emailAddress
      ? eq(conversations.emailAddress, conversation.emailAddress)
      : undefined,
  ].filter(Boolean);
  if (contact.length === 0) return null;
  const [next] = await tx
    .select({
      id: conversations.id,
      status: conversations.status,
      schedulingStatus: conversations.schedulingStatus,
      needsReview: conversations.needsReview,
      isHumanTakeover: conversations.isHumanTakeover,
    })
    .from(conversations)
    .where(
      and(
        eq(conversations.organizationId, conversation.organizationId),
        eq(conversations.status, 'QUEUED'),
        or(...contact),
      ),
    )
    .orderBy(asc(conversations.id))
    .limit(1)
    .for('update');
  if (!next) return null;
  const { next: released, effects } = decide(next, { type: 'RELEASE' });
  if (!hasEffect(effects, 'ENQUEUE_START')) return null;
  await tx
    .update(conversations)
    .set({ status: released.status, updatedAt: now })
    .where(
      and(
        eq(conversations.organizationId, conversation.organizationId),
        eq(conversations.id, next.id),
      ),
    );
  await enqueueJob(tx, 'conversations.start', {
    organizationId: conversation.organizationId,
    conversationId: next.id,
  });
  return next.id;
}
