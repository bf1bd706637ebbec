import 'server-only';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { ConversationDetail, Message } from '@/lib/contracts/conversation';
import { replySubject } from '@/lib/domain/agent/agent-replies';
import { DomainError } from '@/lib/domain/errors';
import { queueMessages } from '@/lib/server/channels/queue-messages';
import type { Db } from '@/lib/server/db/client';
import { findConversationCampaign } from '@/lib/server/queries/campaigns';
import { conversations, messages } from '@/lib/server/db/schema/conversations';
import { decodeCursor, toPage, type Page, type PageParams } from '@/lib/server/queries/pagination';
import { applyTransition } from '@/lib/server/services/agent/apply-transition';
import { decide } from './conversation-state';
import { getConversation, requireConversation } from './get-conversation';
import { toMessage } from './to-conversation';

/** `GET /v1/conversations/{id}/messages`: the thread, oldest first, keyset-paged by id. */
export async function listConversationMessages(
  db: Db,
  params: PageParams & { organizationId: string; conversationId: string },
): Promise<Page<Message>> {
  const conversation = await requireConversation(db, {
    organizationId: params.organizationId,
    id: params.conversationId,
  });
  const after = decodeCursor(params.cursor);
  const rows = await db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.organizationId, params.organizationId),
        eq(messages.conversationId, conversation.id),
        after ? gt(messages.id, after) : undefined,
      ),
    )
    .orderBy(asc(messages.id))
    .limit(params.limit + 1);
  return toPage(rows, params.limit, toMessage);
}

/** The conversation row locked with its campaign, for a recruiter's step. */
async function lockForRecruiter(tx: Db, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.organizationId, organizationId), eq(conversations.id, id)))
    .for('update')
    .limit(1);
  if (!row) throw new DomainError('not_found', 'Conversation not found.');
  const campaign = await findConversationCampaign(tx, row);
  if (!campaign) throw new DomainError('not_found', 'Conversation not found.');
  return { conversation: row, campaign };
}

/**
 * A recruiter takes the conversation over (`isHumanTakeover`: the agent sends nothing, nudges
 * stop, replies are only recorded) or hands it back (the agent resumes and follow-ups count
 * again from now).
 */
export async function setTakeover(
  db: Db,
  params: { organizationId: string; id: string; takeover: boolean; now: Date },
): Promise<ConversationDetail> {
  await db.transaction(async (tx) => {
    const { conversation, campaign } = await lockForRecruiter(tx, params.organizationId, params.id);
    const transition = decide(
      conversation,
      { type: params.takeover ? 'TAKEOVER' : 'HANDBACK' },
      { maxNudges: campaign.nudgeCount },
    );
    await applyTransition(tx, {
      conversation: params.takeover
        ? conversation
        : { ...conversation, lastCandidateMessageAt: params.now },
      campaign,
      transition,
      now: params.now,
    });
  });
  return getConversation(db, { organizationId: params.organizationId, id: params.id });
}

/**
 * `POST /v1/conversations/{id}/messages`: a recruiter writes to the candidate on the campaign's
 * channel. The conversation is taken over in the same transaction. A conversation that opted out
 * or could not be delivered refuses (409): nothing may be sent to that contact.
 */
export async function sendRecruiterMessage(
  db: Db,
  params: { organizationId: string; id: string; body: string; now: Date },
): Promise<Message> {
  const messageId = await db.transaction(async (tx) => {
    const { conversation, campaign } = await lockForRecruiter(tx, params.organizationId, params.id);
    if (conversation.status === 'OPTED_OUT' || conversation.status === 'DELIVERY_FAILED')
      throw new DomainError(
        'conflict',
        `Nothing can be sent: the conversation is ${conversation.status}.`,
      );
    const to = campaign.channel === 'EMAIL' ? conversation.emailAddress : conversation.phoneNumber;
    if (!to)
      throw new DomainError('conflict', `The candidate has no address on ${campaign.channel}.`);
    const transition = decide(
      conversation,
      { type: 'TAKEOVER' },
      { maxNudges: campaign.nudgeCount },
    );
    await applyTransition(tx, { conversation, campaign, transition, now: params.now });
    const [id] = await queueMessages(
      tx,
      [
        {
          organizationId: conversation.organizationId,
          conversationId: conversation.id,
          channel: campaign.channel,
          to,
          subject:
            campaign.channel === 'EMAIL' ? replySubject(campaign.language, campaign.company) : null,
          body: params.body,
          author: 'HUMAN',
        },
      ],
      params.now,
    );
    return id!;
  });
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.organizationId, params.organizationId), eq(messages.id, messageId)))
    .limit(1);
  return toMessage(row!);
}
