import 'server-only';
import { and, eq, inArray, or } from 'drizzle-orm';
import { activeConversationStatuses } from '@/lib/contracts/conversation';
import type { ConversationDetail } from '@/lib/contracts/conversation';
import type { Db } from '@/lib/server/db/client';
import { conversations } from '@/lib/server/db/schema/conversations';
import { lockMeetingContext } from '@/lib/server/services/meetings/meeting-context';
import { cancelMeetingInTransaction } from '@/lib/server/services/meetings/cancel-meeting';
import { getConversation } from './get-conversation';
import { decide, hasEffect } from './conversation-state';
import { releaseQueuedConversation } from './release-queue';

/**
 * Stops the conversation (status CLOSED) and cancels its meeting if one is scheduled — also after
 * it COMPLETED by booking. Closing a closed conversation changes nothing; one that opted out or
 * could not be delivered is a conflict.
 */
export async function closeConversation(
  db: Db,
  params: { organizationId: string; id: string; now: Date },
): Promise<ConversationDetail> {
  const { organizationId, id, now } = params;
  await db.transaction(async (tx) => {
    const context = await lockMeetingContext(tx, {
      by: 'conversation',
      organizationId,
      conversationId: id,
    });
    const { conversation } = context;
    const { next, effects } = decide(
      conversation,
      { type: 'CLOSE', reason: 'MANUAL' },
      { isMeetingScheduled: context.meeting?.status === 'SCHEDULED' },
    );
    if (next.status === conversation.status) return;
    if (context.meeting?.status === 'SCHEDULED' && hasEffect(effects, 'CANCEL_MEETING')) {
      await cancelMeetingInTransaction(tx, {
        ...context,
        meeting: context.meeting,
        cancelledBy: 'RECRUITER',
        reason: 'The conversation was closed.',
        now,
      });
    }
    await tx
      .update(conversations)
      .set({ status: next.status, closedAt: now, updatedAt: now, followUpAt: null })
      .where(eq(conversations.id, id));
    if (hasEffect(effects, 'RELEASE_QUEUED'))
      await releaseQueuedConversation(tx, { conversation, now });
  });
  return getConversation(db, { organizationId, id });
}

/**
 * `closePreviousConversations` (DESIGN §3): every CREATED, QUEUED or ONGOING conversation with
 * the same phone or email, in every campaign of the organization, is closed first.
 */
export async function closeConversationsWith(
  db: Db,
  params: {
    organizationId: string;
    contact: { phoneNumber: string | null; emailAddress: string | null };
    now: Date;
  },
): Promise<number> {
  const { phoneNumber, emailAddress } = params.contact;
  const same = [
    phoneNumber ? eq(conversations.phoneNumber, phoneNumber) : undefined,
    emailAddress ? eq(conversations.emailAddress, emailAddress) : undefined,
  ].filter(Boolean);
  if (same.length === 0) return 0;
  const rows = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.organizationId, params.organizationId),
        inArray(conversations.status, [...activeConversationStatuses]),
        or(...same),
      ),
    );
  for (const row of rows)
    await closeConversation(db, {
      organizationId: params.organizationId,
      id: row.id,
      now: params.now,
    });
  return rows.length;
}
