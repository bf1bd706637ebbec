import 'server-only';
import { and, eq } from 'drizzle-orm';
import {
  agentReply,
  type DeferredAction,
  type ReplyMessage,
} from '@/lib/domain/agent/agent-replies';
import {
  isEnded,
  memoryOf,
  type ConversationEffect,
  type Transition,
} from '@/lib/domain/agent/conversation-machine';
import { nextFollowUp } from '@/lib/domain/agent/follow-ups';
import { questionText } from '@/lib/domain/agent/screening';
import { queueMessages } from '@/lib/server/channels/queue-messages';
import type { OutboundMessage } from '@/lib/server/channels/types';
import type { Db } from '@/lib/server/db/client';
import { conversations } from '@/lib/server/db/schema/conversations';
import type { CampaignRow } from '@/lib/server/queries/campaigns';
import type { ConversationRow } from '@/lib/server/queries/conversations';
import { conversationEventBase } from '@/lib/server/services/events/conversation-event-base';
import {
  contactAddresses,
  optInContact,
  optOutContact,
} from '@/lib/server/services/conversations/opt-outs';
import { releaseQueuedConversation } from '@/lib/server/services/conversations/release-queue';
import { bookingUrlOf } from '@/lib/server/services/conversations/to-conversation';
import { recordEvent } from '@/lib/server/webhooks/outbox';
import { replyZone, sendNotBefore } from './send-window';

export type AgentCampaign = Pick<
  CampaignRow,
  | 'channel'
  | 'language'
  | 'company'
  | 'externalId'
  | 'nudgeCount'
  | 'nudgeIntervalHours'
  | 'conversationTimeoutHours'
  | 'questions'
  | 'rejectionMessage'
  | 'closingMessage'
  | 'closingMethod'
  | 'customMessage'
  | 'contactNumber'
  | 'meetingUrl'
>;

/**
 * Applies one machine transition to a locked conversation row, in the caller's transaction:
 * the row's status, flags, memory and next follow-up, its events, opt-outs and queued messages
 * (sent by jobs after commit). A booking, move or cancel the transition asks for is returned to
 * run after the commit through the booking services, so it meets the same races as the page.
 */
export async function applyTransition(
  tx: Db,
  params: {
    conversation: ConversationRow;
    campaign: AgentCampaign;
    transition: Transition;
    now: Date;
    /** The candidate's words, for the events that quote them. */
    reply?: string | null;
  },
): Promise<{ conversation: ConversationRow; deferred: DeferredAction | null }> {
  const { conversation, campaign, transition, now } = params;
  const { next, effects } = transition;
  const sends = effects.flatMap((e) => (e.type === 'SEND' ? [e.message as ReplyMessage] : []));
  const action = effects.find(
    (e): e is Extract<ConversationEffect, { type: 'BOOK' | 'RESCHEDULE' | 'CANCEL_MEETING' }> =>
      e.type === 'BOOK' || e.type === 'RESCHEDULE' || e.type === 'CANCEL_MEETING',
  );
  const deferred: DeferredAction | null = !action
    ? null
    : action.type === 'CANCEL_MEETING'
      ? { type: 'CANCEL_MEETING', then: sends }
      : { type: action.type, start: action.start, then: sends };

  const has = (type: ConversationEffect['type']) => effects.some((e) => e.type === type);
  // Follow-ups count from the candidate's last message, else from the start.
  const since = followUpsSince(conversation, now);
  const followUpAt = has('CANCEL_FOLLOW_UPS')
    ? null
    : has('SCHEDULE_FOLLOW_UPS')
      ? new Date(
          nextFollowUp({
            since,
            nudgesSent: next.nudgesSent,
            maxNudges: campaign.nudgeCount,
            intervalHours: campaign.nudgeIntervalHours,
            timeoutHours: campaign.conversationTimeoutHours,
          }).at,
        )
      : conversation.followUpAt;
  const ended = isEnded(next.status) && !isEnded(conversation.status);
  const changes = {
    status: next.status,
    needsReview: next.needsReview,
    isHumanTakeover: next.isHumanTakeover,
    agentState: memoryOf(next),
    followUpAt: isEnded(next.status) ? null : followUpAt,
    ...(ended ? { closedAt: now } : {}),
    updatedAt: now,
  };
  await tx
    .update(conversations)
    .set(changes)
    .where(
      and(
        eq(conversations.organizationId, conversation.organizationId),
        eq(conversations.id, conversation.id),
      ),
    );
  const updated: ConversationRow = { ...conversation, ...changes };

  const addresses = contactAddresses(conversation);
  if (has('OPT_OUT_CONTACT'))
    await optOutContact(tx, {
      organizationId: conversation.organizationId,
      addresses,
      conversationId: conversation.id,
      now,
    });
  if (has('OPT_IN_CONTACT'))
    await optInContact(tx, { organizationId: conversation.organizationId, addresses });

  const events = effects.flatMap((e) => (e.type === 'RECORD_EVENT' ? [e.event] : []));
  const identity = events.length ? await conversationEventBase(tx, conversation, campaign) : null;
  for (const event of events) {
    const base = { ...identity!, conversationStatus: next.status };
    const common = {
      organizationId: conversation.organizationId,
      conversationId: conversation.id,
      now,
    };
    switch (event) {
      case 'CONVERSATION_NEEDS_REVIEW':
        await recordEvent(tx, {
          ...common,
          event,
          data: { ...base, message: params.reply ?? null },
        });
        break;
      case 'CALENDAR_MORE_TIME_REQUESTED':
        await recordEvent(tx, {
          ...common,
          event,
          data: { ...identity!, message: params.reply ?? null },
        });
        break;
      case 'CONVERSATION_MAX_NUDGES_REACHED':
        await recordEvent(tx, {
          ...common,
          event,
          data: { ...base, nudgesSent: next.nudgesSent },
        });
        break;
      case 'START_CONVERSATION_FAILED':
        await recordEvent(tx, {
          ...common,
          event,
          data: { ...base, reason: 'The first message could not be delivered.' },
        });
        break;
      case 'CONVERSATION_COMPLETED':
        await recordEvent(tx, {
          ...common,
          event,
          data:
            next.status === 'COMPLETED_SCREENING_PASSED' ||
            next.status === 'COMPLETED_SCREENING_FAILED'
              ? { ...base, screeningQuestionsOutcome: next.screeningAnswers }
              : base,
        });
        break;
      default:
        await recordEvent(tx, { ...common, event, data: base });
    }
  }
  if (has('RELEASE_QUEUED')) await releaseQueuedConversation(tx, { conversation, now });
  if (!deferred)
    await queueAgentMessages(tx, { conversation: updated, campaign, messages: sends, now });
  return { conversation: updated, deferred };
}

/** Nudges and the timeout count from the candidate's last message, else from the start. */
export function followUpsSince(
  conversation: Pick<ConversationRow, 'lastCandidateMessageAt' | 'startedAt'>,
  now: Date,
): number {
  return (conversation.lastCandidateMessageAt ?? conversation.startedAt ?? now).getTime();
}

/** The agent's messages to the candidate, written in the campaign's language and queued. */
export async function queueAgentMessages(
  tx: Db,
  params: {
    conversation: ConversationRow;
    campaign: AgentCampaign;
    messages: ReplyMessage[];
    now: Date;
  },
): Promise<void> {
  const { conversation, campaign } = params;
  const address =
    campaign.channel === 'EMAIL' ? conversation.emailAddress : conversation.phoneNumber;
  if (!address || params.messages.length === 0) return;
  const to: string = address;
  const zone = replyZone(conversation);
  // What the agent writes first (nudges, a booking link) keeps business hours; answers go now.
  const first = (m: ReplyMessage) => m.kind === 'NUDGE' || m.kind === 'BOOKING_LINK';
  for (const group of [params.messages.filter(first), params.messages.filter((m) => !first(m))])
    await queueMessages(
      tx,
      compose(group),
      params.now,
      group.some(first) ? { notBefore: sendNotBefore(conversation, params.now) } : {},
    );

  function compose(list: ReplyMessage[]): OutboundMessage[] {
    return list.map((message) => {
      const text = agentReply({
        message,
        language: campaign.language,
        channel: campaign.channel,
        firstName: conversation.firstName,
        zone,
        bookingUrl: bookingUrlOf(conversation.bookingToken),
        company: campaign.company,
        screening: {
          questions: campaign.questions.map(questionText),
          rejectionMessage: campaign.rejectionMessage,
          closingMessage: campaign.closingMessage,
          closingStep:
            campaign.closingMethod === 'CUSTOM'
              ? campaign.customMessage
              : campaign.closingMethod === 'PHONE_NUMBER'
                ? campaign.contactNumber
                : campaign.closingMethod === 'MEETING_URL'
                  ? campaign.meetingUrl
                  : null,
        },
      });
      return {
        organizationId: conversation.organizationId,
        conversationId: conversation.id,
        channel: campaign.channel,
        to,
        subject: text.subject,
        body: text.body,
      };
    });
  }
}
