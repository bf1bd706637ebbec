import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Channel } from '@/lib/contracts/campaign';
import { DomainError } from '@/lib/domain/errors';
import { formatStart } from '@/lib/domain/agent/agent-replies';
import { understandingFromLlm } from '@/lib/domain/agent/llm-reading';
import { readScreeningAnswer } from '@/lib/domain/agent/screening';
import { understandReply, type Understanding } from '@/lib/domain/agent/understand-reply';
import type { Db } from '@/lib/server/db/client';
import { conversations, messages } from '@/lib/server/db/schema/conversations';
import { newId } from '@/lib/server/ids';
import type { ConversationRow } from '@/lib/server/queries/conversations';
import { findConversationCampaign, type CampaignRow } from '@/lib/server/queries/campaigns';
import { decide } from '@/lib/server/services/conversations/conversation-state';
import { llmConfigured, readWithLlm } from './llm';
import { applyTransition } from './apply-transition';
import { holdReplyAction, replyContext, runReplyAction } from './reply-action';

/** A candidate's message as a channel delivered it (already without quoted history for email). */
export type InboundMessage = {
  channel: Channel;
  /** `twilio`, `resend`, `email` (raw RFC 822) or `dev`. */
  transport: string;
  /** The provider's id: a second delivery of the same one is recorded once and answered once. */
  providerMessageId: string | null;
  from: string;
  to: string;
  subject?: string | null;
  body: string;
};

export type ReplyOutcome = {
  status: 'HANDLED' | 'DUPLICATE';
  conversationId: string;
  understanding: Understanding['intent'] | null;
};

/**
 * A candidate wrote (DESIGN §7). The offered starts are read first (calendar answers outside any
 * transaction); then, with the conversation locked, the message is stored once, understood and
 * fed to the machine, whose effects apply in that transaction. A booking, move or cancel runs
 * after the commit through the booking services (the same races and 409s as the booking page),
 * and by a job if this process dies first (reply-action.ts).
 */
export async function receiveReply(
  db: Db,
  params: { organizationId: string; conversationId: string; inbound: InboundMessage; now: Date },
): Promise<ReplyOutcome> {
  const { organizationId, conversationId, inbound, now } = params;
  const own = and(
    eq(conversations.organizationId, organizationId),
    eq(conversations.id, conversationId),
  );
  const [current] = await db.select().from(conversations).where(own).limit(1);
  if (!current) throw new DomainError('not_found', 'Conversation not found.');
  const campaign = await loadCampaign(db, current);
  const context = await replyContext(db, current, now);
  const rulesContext = (lastProposal: readonly number[]) => ({
    text: inbound.body,
    channel: inbound.channel,
    language: campaign.language,
    zone: context.zone,
    receivedAt: now.getTime(),
    offered: context.offered,
    lastProposal,
    meetingStart: context.meetingStart,
  });
  // What the rules cannot read may go to the optional language model: outside the transaction.
  const asLlm = (u: Understanding) => u.intent === 'UNCLEAR' || u.intent === 'QUESTION';
  const lastSeen = current.agentState.lastProposal ?? [];
  const reading =
    llmConfigured() &&
    !screeningQuestion(current, campaign) &&
    asLlm(understandReply(rulesContext(lastSeen)))
      ? await readWithLlm({
          reply: inbound.body,
          language: campaign.language,
          company: campaign.company,
          position: campaign.position,
          description: campaign.description,
          instructions: campaign.agentInstructions,
          proposal: lastSeen.map((start) => formatStart(start, campaign.language, context.zone)),
        })
      : null;

  const result = await db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(messages)
      .values({
        id: newId(),
        organizationId,
        conversationId,
        direction: 'INBOUND',
        author: 'CANDIDATE',
        channel: inbound.channel,
        toAddress: inbound.to,
        fromAddress: inbound.from,
        subject: inbound.subject ?? null,
        body: inbound.body,
        transport: inbound.transport,
        providerMessageId: inbound.providerMessageId,
        status: 'RECEIVED',
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: messages.id });
    if (!stored) return null;
    const [locked] = await tx.select().from(conversations).where(own).for('update').limit(1);
    const conversation: ConversationRow = { ...locked!, lastCandidateMessageAt: now };
    const lastProposal = conversation.agentState.lastProposal ?? [];
    const byRules = understandReply(rulesContext(lastProposal));
    const understanding =
      (reading && asLlm(byRules)
        ? understandingFromLlm(reading, {
            offered: context.offered,
            lastProposal,
            isBooked: context.meetingStart !== null,
          })
        : null) ?? byRules;
    await tx.update(conversations).set({ lastCandidateMessageAt: now }).where(own);
    // A regular conversation with questions: the answer to the question waiting (opting out
    // still works as everywhere).
    const question = screeningQuestion(conversation, campaign);
    const transition = decide(
      conversation,
      question && understanding.intent !== 'OPT_OUT' && understanding.intent !== 'OPT_IN'
        ? {
            type: 'SCREENING_ANSWER',
            reading: readScreeningAnswer(question, inbound.body, {
              language: campaign.language,
              channel: inbound.channel,
              zone: context.zone,
              at: now.getTime(),
            }),
            questions: campaign.questions.length,
          }
        : { type: 'REPLY', understanding },
      { maxNudges: campaign.nudgeCount },
    );
    const applied = await applyTransition(tx, {
      conversation,
      campaign,
      transition,
      now,
      reply: inbound.body,
    });
    if (applied.deferred)
      await holdReplyAction(tx, {
        conversation,
        messageId: stored.id,
        action: applied.deferred,
      });
    return { ...applied, messageId: stored.id, understanding };
  });
  if (!result) return { status: 'DUPLICATE', conversationId, understanding: null };
  if (result.deferred)
    await runReplyAction(db, {
      conversation: result.conversation,
      campaign,
      messageId: result.messageId,
      action: result.deferred,
      zone: context.zone,
      now,
    });
  return { status: 'HANDLED', conversationId, understanding: result.understanding.intent };
}

/** The screening question a regular conversation waits an answer to, if any. */
function screeningQuestion(conversation: ConversationRow, campaign: CampaignRow) {
  if (conversation.meetingConfiguration || conversation.status !== 'ONGOING') return null;
  return campaign.questions[conversation.agentState.screeningIndex ?? 0] ?? null;
}

async function loadCampaign(db: Db, conversation: ConversationRow): Promise<CampaignRow> {
  const campaign = await findConversationCampaign(db, conversation);
  if (!campaign) throw new DomainError('not_found', 'Campaign not found.');
  return campaign;
}
