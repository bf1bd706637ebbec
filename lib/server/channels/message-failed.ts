import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { conversations, messages } from '@/lib/server/db/schema/conversations';
import { decide, recordsEvent } from '@/lib/server/services/conversations/conversation-state';
import { conversationEventBase } from '@/lib/server/services/events/conversation-event-base';
import { recordEvent } from '@/lib/server/webhooks/outbox';

/**
 * A message that could not be sent after its retries (the `messages.failed` dead letter). When
 * it was the opening of a conversation that has reached the candidate with nothing else, the
 * conversation is DELIVERY_FAILED and START_CONVERSATION_FAILED tells the integrator.
 */
export async function markMessageFailed(
  db: Db,
  params: { organizationId: string; messageId: string; now: Date; error?: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [message] = await tx
      .update(messages)
      .set({ status: 'FAILED', ...(params.error ? { error: params.error } : {}) })
      .where(
        and(
          eq(messages.organizationId, params.organizationId),
          eq(messages.id, params.messageId),
          // Queued: its retries ran out. Sent: the carrier reported it undeliverable later.
          inArray(messages.status, ['QUEUED', 'SENT']),
        ),
      )
      .returning();
    if (!message?.conversationId) return;
    const [conversation] = await tx
      .select()
      .from(conversations)
      .where(
        and(
          eq(conversations.organizationId, params.organizationId),
          eq(conversations.id, message.conversationId),
        ),
      )
      .for('update')
      .limit(1);
    if (!conversation) return;
    const { next, effects } = decide(conversation, { type: 'OPENING_UNDELIVERABLE' });
    if (!recordsEvent(effects, 'START_CONVERSATION_FAILED')) return;
    const delivered = await tx
      .select({ id: messages.id })
      .from(messages)
      .where(
        and(
          eq(messages.organizationId, params.organizationId),
          eq(messages.conversationId, conversation.id),
          inArray(messages.status, ['SENT', 'DELIVERED', 'RECEIVED']),
        ),
      )
      .limit(1);
    if (delivered.length > 0) return;
    await tx
      .update(conversations)
      .set({ status: next.status, updatedAt: params.now })
      .where(
        and(
          eq(conversations.organizationId, params.organizationId),
          eq(conversations.id, conversation.id),
        ),
      );
    await recordEvent(tx, {
      organizationId: conversation.organizationId,
      event: 'START_CONVERSATION_FAILED',
      conversationId: conversation.id,
      data: {
        ...(await conversationEventBase(tx, conversation)),
        conversationStatus: next.status,
        reason: message.error ?? 'The first message could not be delivered.',
      },
      now: params.now,
    });
  });
}
