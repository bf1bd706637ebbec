import 'server-only';
import { and, asc, eq, gte } from 'drizzle-orm';
import type { Channel } from '@/lib/contracts/campaign';
import { DomainError } from '@/lib/domain/errors';
import { transportFor } from '@/lib/server/channels/transports';
import type { Db } from '@/lib/server/db/client';
import { campaigns } from '@/lib/server/db/schema/campaigns';
import { conversations, messages } from '@/lib/server/db/schema/conversations';
import { receiveReply } from './receive-reply';

/** Answering as the candidate makes sense only where the channel's transport is the dev one. */
export function canReplyAsCandidate(channel: Channel): boolean {
  return transportFor(channel).isDev;
}

export type DevReplyResult = {
  conversationId: string;
  understood: string | null;
  status: string;
  schedulingStatus: string | null;
  needsReview: boolean;
  /** What the agent answered (the messages it queued after the reply). */
  answers: string[];
};

/**
 * Answers as the candidate (DESIGN §7 dev transport): the dashboard's "reply as candidate" and
 * `npm run parley -- reply`. The reply takes the same path as one from Twilio or email.
 */
export async function replyAsCandidate(
  db: Db,
  params: {
    organizationId?: string;
    conversationId: string;
    text: string;
    now: Date;
    /** The dashboard: only where the channel has no real provider (a real candidate exists). */
    onlyDev?: boolean;
  },
): Promise<DevReplyResult> {
  const text = params.text.replace(/\0/g, '').trim();
  if (!text)
    throw new DomainError('validation_error', 'The reply is empty.', [
      { path: 'text', message: 'is required' },
    ]);
  const [row] = await db
    .select({ conversation: conversations, channel: campaigns.channel })
    .from(conversations)
    .innerJoin(campaigns, eq(campaigns.id, conversations.campaignId))
    .where(
      and(
        eq(conversations.id, params.conversationId),
        params.organizationId ? eq(conversations.organizationId, params.organizationId) : undefined,
      ),
    )
    .limit(1);
  if (!row) throw new DomainError('not_found', 'Conversation not found.');
  const { conversation, channel } = row;
  if (params.onlyDev && !canReplyAsCandidate(channel))
    throw new DomainError(
      'conflict',
      `${channel} goes through a real provider here: the candidate answers for themselves.`,
    );
  const from =
    (channel === 'EMAIL' ? conversation.emailAddress : conversation.phoneNumber) ?? 'candidate';
  const outcome = await receiveReply(db, {
    organizationId: conversation.organizationId,
    conversationId: conversation.id,
    inbound: {
      channel,
      transport: 'dev',
      providerMessageId: null,
      from,
      to: 'Parley',
      body: text.slice(0, 10_000),
    },
    now: params.now,
  });
  const [after] = await db
    .select()
    .from(conversations)
    .where(eq(conversations.id, conversation.id))
    .limit(1);
  const answers = await db
    .select({ body: messages.body })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversation.id),
        eq(messages.direction, 'OUTBOUND'),
        gte(messages.createdAt, params.now),
      ),
    )
    .orderBy(asc(messages.id));
  return {
    conversationId: conversation.id,
    understood: outcome.understanding,
    status: after!.status,
    schedulingStatus: after!.schedulingStatus,
    needsReview: after!.needsReview,
    answers: answers.map((a) => a.body),
  };
}
