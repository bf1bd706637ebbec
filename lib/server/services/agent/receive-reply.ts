import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Channel } from '@/lib/contracts/campaign';
import { DomainError } from '@/lib/domain/errors';
import { nearestStarts } from '@/lib/domain/agent/nearest-starts';
import { formatStart } from '@/lib/domain/agent/agent-replies';
import { understandingFromLlm } from '@/lib/domain/agent/llm-reading';
import { readScreeningAnswer } from '@/lib/domain/agent/screening';
import { understandReply, type Understanding } from '@/lib/domain/agent/understand-reply';
import type { Db } from '@/lib/server/db/client';
import { conversations, messages } from '@/lib/server/db/schema/conversations';
import { newId } from '@/lib/server/ids';
import { log } from '@/lib/server/log';
import { findBookingLink } from '@/lib/server/queries/booking-link';
import type { ConversationRow } from '@/lib/server/queries/conversations';
import { findConversationCampaign, type CampaignRow } from '@/lib/server/queries/campaigns';
import { horizonOf } from '@/lib/server/services/booking/availability-status';
import { bookSlot } from '@/lib/server/services/booking/book-slot';
import { cancelBooking } from '@/lib/server/services/booking/cancel-booking';
import { offeredStarts } from '@/lib/server/services/booking/get-slots';
import { rescheduleBooking } from '@/lib/server/services/booking/reschedule-booking';
import { decide } from '@/lib/server/services/conversations/conversation-state';
import { llmConfigured, readWithLlm } from './llm';
import { replyZone } from './send-window';
import {
  applyTransition,
  queueAgentMessages,
  type AgentCampaign,
  type DeferredAction,
} from './apply-transition';

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
 * after the commit through the booking services: the same races and 409s as the booking page.
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
    return { ...applied, understanding };
  });
  if (!result) return { status: 'DUPLICATE', conversationId, understanding: null };
  if (result.deferred)
    await runDeferred(db, {
      conversation: result.conversation,
      campaign,
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

/** What the reply is read against: the starts offered now, the candidate's zone, the meeting. */
async function replyContext(
  db: Db,
  conversation: ConversationRow,
  now: Date,
): Promise<{ zone: string; offered: number[]; meetingStart: number | null }> {
  const zone = replyZone(conversation);
  if (!conversation.bookingToken || !conversation.meetingConfiguration)
    return { zone, offered: [], meetingStart: null };
  const link = await findBookingLink(db, conversation.bookingToken);
  if (!link) return { zone, offered: [], meetingStart: null };
  const offered = await offeredStarts(
    db,
    link,
    horizonOf(link.conversation.meetingConfiguration, now),
    now.getTime(),
  );
  const meetingStart = link.meeting?.status === 'SCHEDULED' ? link.meeting.startAt.getTime() : null;
  return { zone, offered, meetingStart };
}

/** The booking, move or cancel a reply asked for, after its transaction committed. */
async function runDeferred(
  db: Db,
  params: {
    conversation: ConversationRow;
    campaign: AgentCampaign;
    action: DeferredAction;
    zone: string;
    now: Date;
  },
): Promise<void> {
  const { conversation, campaign, action, zone, now } = params;
  const token = conversation.bookingToken;
  if (!token) return;
  // The booking's own invitation already answers on the conversation's channel when it goes by
  // email to an email candidate, or by text to a candidate without email (meetings/invites.ts).
  const invited = campaign.channel === 'EMAIL' || !conversation.emailAddress;
  try {
    if (action.type === 'BOOK') {
      await bookSlot(db, { token, start: new Date(action.start), timezone: zone, now });
      await confirm(db, params, [
        ...action.then,
        ...(invited ? [] : [{ kind: 'BOOKED' as const, start: action.start }]),
      ]);
    } else if (action.type === 'RESCHEDULE') {
      await rescheduleBooking(db, { token, start: new Date(action.start), now });
      await confirm(db, params, [
        ...action.then,
        ...(invited ? [] : [{ kind: 'MOVED' as const, start: action.start }]),
      ]);
    } else {
      await cancelBooking(db, { token, reason: 'Cancelled by the candidate’s reply.', now });
      await confirm(db, params, action.then);
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    log.info('a booking by reply was refused', {
      conversationId: conversation.id,
      code: error.code,
    });
    if (action.type === 'CANCEL_MEETING') return;
    await refused(db, { ...params, wanted: action.start, wasBooking: action.type === 'BOOK' });
  }
}

async function confirm(
  db: Db,
  params: { conversation: ConversationRow; campaign: AgentCampaign; now: Date },
  list: Parameters<typeof queueAgentMessages>[1]['messages'],
): Promise<void> {
  await db.transaction((tx) =>
    queueAgentMessages(tx, {
      conversation: params.conversation,
      campaign: params.campaign,
      messages: list,
      now: params.now,
    }),
  );
}

/**
 * The start was taken meanwhile (or the page booked first): the machine proposes the nearest
 * starts still offered. When the conversation got its meeting another way, nothing is said.
 */
async function refused(
  db: Db,
  params: {
    conversation: ConversationRow;
    campaign: AgentCampaign;
    wanted: number;
    wasBooking: boolean;
    now: Date;
  },
): Promise<void> {
  const { campaign, now } = params;
  const context = await replyContext(db, params.conversation, now);
  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(conversations)
      .where(
        and(
          eq(conversations.organizationId, params.conversation.organizationId),
          eq(conversations.id, params.conversation.id),
        ),
      )
      .for('update')
      .limit(1);
    // Booked meanwhile (the page won the race): the page's confirmation is the answer.
    if (!locked || (params.wasBooking && locked.schedulingStatus === 'SCHEDULED')) return;
    const transition = decide(
      locked,
      { type: 'BOOKING_REFUSED', nearest: nearestStarts(context.offered, params.wanted, 3) },
      { maxNudges: campaign.nudgeCount },
    );
    await applyTransition(tx, { conversation: locked, campaign, transition, now });
  });
}
