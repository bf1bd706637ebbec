import 'server-only';
import { and, eq } from 'drizzle-orm';
import { openingMessage } from '@/lib/domain/agent/opening-message';
import type { Db } from '@/lib/server/db/client';
import { campaigns } from '@/lib/server/db/schema/campaigns';
import { conversations } from '@/lib/server/db/schema/conversations';
import { queueMessages } from '@/lib/server/channels/queue-messages';
import type { OutboundMessage } from '@/lib/server/channels/types';
import {
  findParticipants,
  type ConversationRow,
  type StoredParticipant,
} from '@/lib/server/queries/conversations';
import { localDateOf } from '@/lib/domain/slots/wall-clock';
import {
  ensureAvailabilityRequest,
  findCollectorCalendar,
  hasFutureAvailability,
} from '@/lib/server/services/availability/availability-requests';
import { replaceParticipantSlots } from '@/lib/server/services/availability/save-availability';
import type { CampaignRow } from '@/lib/server/queries/campaigns';
import { conversationEventBase } from '@/lib/server/services/events/conversation-event-base';
import { recordEvent } from '@/lib/server/webhooks/outbox';
import { nextFollowUp } from '@/lib/domain/agent/follow-ups';
import { sendNotBefore } from '@/lib/server/services/agent/send-window';
import { decide, hasEffect } from './conversation-state';
import { contactAddresses, isOptedOut, markOptedOut } from './opt-outs';
import { bookingUrlOf } from './to-conversation';
import { fullName } from '@/lib/domain/people/full-name';
import { renderTemplate } from '@/lib/domain/templates/render';

/**
 * The agent's first move (the `conversations.start` job): the opening message to the candidate
 * on the campaign's channel (with the booking link), a request for times to an auto-collect
 * participant, status ONGOING and CONVERSATION_STARTED — all in one transaction. Only a CREATED
 * conversation of a LIVE campaign starts; running it twice changes nothing.
 */
export async function startConversation(
  db: Db,
  params: { organizationId: string; conversationId: string; now: Date },
): Promise<boolean> {
  const { now } = params;
  return db.transaction(async (tx) => {
    const [conversation] = await tx
      .select()
      .from(conversations)
      .where(
        and(
          eq(conversations.organizationId, params.organizationId),
          eq(conversations.id, params.conversationId),
        ),
      )
      .for('update')
      .limit(1);
    if (!conversation) return false;
    const [campaign] = await tx
      .select()
      .from(campaigns)
      .where(
        and(
          eq(campaigns.organizationId, conversation.organizationId),
          eq(campaigns.id, conversation.campaignId),
        ),
      )
      .limit(1);
    const optedOut = await isOptedOut(tx, {
      organizationId: conversation.organizationId,
      addresses: contactAddresses(conversation),
    });
    const { next, effects } = decide(conversation, {
      type: 'START',
      // Who else talks to this contact was settled when the conversation was created (QUEUED).
      contact: optedOut ? 'OPTED_OUT' : 'FREE',
      campaignLive: !!campaign && campaign.status === 'LIVE' && !campaign.deletedAt,
    });
    if (next.status === 'OPTED_OUT' && conversation.status !== 'OPTED_OUT') {
      await markOptedOut(tx, {
        organizationId: conversation.organizationId,
        conversationId: conversation.id,
        now,
      });
      return false;
    }
    if (!campaign || !hasEffect(effects, 'SEND')) return false;

    const participants =
      (
        await findParticipants(tx, {
          organizationId: conversation.organizationId,
          conversationIds: [conversation.id],
        })
      ).get(conversation.id) ?? [];
    const collector = participants.find((p) => p.autoCollectAvailability);
    const opened =
      collector && conversation.schedulingStatus === 'AWAITING_AVAILABILITY'
        ? await collectAvailability(tx, { conversation, collector, now })
        : conversation;
    const candidate = openingMessages(opened, campaign);
    // The candidate's opening waits for business hours when asked.
    await queueMessages(tx, candidate, now, { notBefore: sendNotBefore(conversation, now) });
    await tx
      .update(conversations)
      .set({
        status: next.status,
        updatedAt: now,
        startedAt: now,
        followUpAt: hasEffect(effects, 'SCHEDULE_FOLLOW_UPS')
          ? new Date(
              nextFollowUp({
                since: now.getTime(),
                nudgesSent: 0,
                maxNudges: campaign.nudgeCount,
                intervalHours: campaign.nudgeIntervalHours,
                timeoutHours: campaign.conversationTimeoutHours,
              }).at,
            )
          : null,
      })
      .where(
        and(
          eq(conversations.organizationId, conversation.organizationId),
          eq(conversations.id, conversation.id),
        ),
      );
    await recordEvent(tx, {
      organizationId: conversation.organizationId,
      event: 'CONVERSATION_STARTED',
      conversationId: conversation.id,
      data: {
        ...(await conversationEventBase(tx, conversation, campaign)),
        conversationStatus: next.status,
      },
      now,
    });
    return true;
  });
}

/**
 * The auto-collect participant's times (DESIGN §8): the ones they already gave when some are still
 * ahead (the link goes out in the opening), else their one open request, which this conversation
 * joins (the sweep emails it once the gathering window has passed).
 */
async function collectAvailability(
  tx: Db,
  params: { conversation: ConversationRow; collector: StoredParticipant; now: Date },
): Promise<ConversationRow> {
  const { conversation, collector, now } = params;
  const calendar = await findCollectorCalendar(tx, {
    organizationId: conversation.organizationId,
    email: collector.email,
  });
  if (!calendar) return conversation;
  const zone = calendar.availabilityTimezone;
  if (zone && hasFutureAvailability(calendar, localDateOf(zone, now.getTime()))) {
    await replaceParticipantSlots(tx, {
      participantId: collector.id,
      timezone: zone,
      timeSlots: calendar.availabilitySlots ?? [],
    });
    await tx
      .update(conversations)
      .set({ schedulingStatus: 'LINK_SENT', updatedAt: now })
      .where(
        and(
          eq(conversations.organizationId, conversation.organizationId),
          eq(conversations.id, conversation.id),
        ),
      );
    return { ...conversation, schedulingStatus: 'LINK_SENT' };
  }
  await ensureAvailabilityRequest(tx, {
    organizationId: conversation.organizationId,
    userCalendarId: calendar.id,
    now,
  });
  return conversation;
}

function openingMessages(conversation: ConversationRow, campaign: CampaignRow): OutboundMessage[] {
  const to = campaign.channel === 'EMAIL' ? conversation.emailAddress : conversation.phoneNumber;
  const opening = openingMessage({
    channel: campaign.channel,
    tone: campaign.agentTone,
    language: campaign.language,
    firstName: conversation.firstName,
    agentName: campaign.agentName,
    company: campaign.company,
    position: campaign.position,
    bookingUrl: bookingUrlOf(conversation.bookingToken),
    isCollectingAvailability: conversation.schedulingStatus === 'AWAITING_AVAILABILITY',
    closing:
      campaign.closingMethod === 'CUSTOM'
        ? { method: 'CUSTOM', customMessage: campaign.customMessage ?? '' }
        : campaign.closingMethod === 'PHONE_NUMBER'
          ? { method: 'PHONE_NUMBER', contactNumber: campaign.contactNumber ?? '' }
          : campaign.closingMethod === 'MEETING_URL'
            ? { method: 'MEETING_URL', meetingUrl: campaign.meetingUrl ?? '' }
            : { method: 'CALENDAR_MEETING_INTEGRATION' },
    questions: campaign.questions,
  });
  const list: OutboundMessage[] = [];
  if (to) {
    list.push({
      organizationId: conversation.organizationId,
      conversationId: conversation.id,
      channel: campaign.channel,
      to,
      subject: opening.subject,
      body: conversation.customOpeningMessage
        ? customOpening(conversation, campaign, bookingUrlOf(conversation.bookingToken))
        : opening.body,
    });
  }
  return list;
}

/**
 * The integrator's own opening (`customOpeningMessage`): its variables filled in, and the booking
 * link added when it does not place `{{bookingUrl}}` itself (a candidate must be able to book).
 */
function customOpening(
  conversation: ConversationRow,
  campaign: CampaignRow,
  bookingUrl: string | null,
): string {
  const text = conversation.customOpeningMessage ?? '';
  const withLink = text.includes('{{bookingUrl}}')
    ? text.replaceAll('{{bookingUrl}}', bookingUrl ?? '')
    : bookingUrl
      ? `${text} ${bookingUrl}`
      : text;
  return renderTemplate(withLink, {
    firstName: conversation.firstName,
    lastName: conversation.lastName,
    candidateName: fullName(conversation),
    company: campaign.company,
    position: campaign.position,
  });
}
