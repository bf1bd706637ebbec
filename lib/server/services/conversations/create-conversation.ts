import 'server-only';
import type { Conversation, CreateConversation } from '@/lib/contracts/conversation';
import {
  orderedParticipant,
  toParticipant,
  type AvailabilityMethod,
  type MeetingConfiguration,
  type MeetingParticipant,
  type meetingParticipantInputSchema,
} from '@/lib/contracts/meeting';
import { DomainError } from '@/lib/domain/errors';
import { renderTemplate } from '@/lib/domain/templates/render';
import type { z } from 'zod';
import type { Db } from '@/lib/server/db/client';
import { newId, newReplyToken, newToken } from '@/lib/server/ids';
import { enqueueJob } from '@/lib/server/jobs/enqueue';
import type { CampaignRow } from '@/lib/server/queries/campaigns';
import { insertConversation } from '@/lib/server/queries/conversations';
import { requireCampaignRef } from '@/lib/server/services/campaigns/get-campaign';
import { assertCalendarsConnected } from '@/lib/server/services/meeting-templates/check-participants';
import { ensureUserCalendars } from '@/lib/server/services/user-calendars/ensure-user-calendars';
import { requireMeetingTemplate } from '@/lib/server/services/meeting-templates/get-meeting-template';
import {
  findOfferableSlot,
  recordAvailabilityNotFound,
} from '@/lib/server/services/booking/availability-status';
import { conversationEventBase } from '@/lib/server/services/events/conversation-event-base';
import { recordEvent } from '@/lib/server/webhooks/outbox';
import { closeConversationsWith } from './close-conversation';
import { contactAddresses, isOptedOut, markOptedOut } from './opt-outs';
import { toConversation } from './to-conversation';
import { fullName } from '@/lib/domain/people/full-name';

export type ConversationInput = CreateConversation & {
  meetingParticipants?: z.output<typeof meetingParticipantInputSchema>[];
  meetingConfiguration?: MeetingConfiguration;
  availabilityMethod?: AvailabilityMethod;
};

type Scheduling = {
  templateId: string | null;
  method: AvailabilityMethod;
  participants: MeetingParticipant[];
  configuration: MeetingConfiguration;
};

/**
 * Starts a conversation. With meeting participants and configuration in the request, or a
 * campaign that has a meeting template, it is an auto-schedule conversation with a booking link;
 * otherwise a regular one that ends with the campaign's closing method.
 */
export async function createConversation(
  db: Db,
  params: { organizationId: string; input: ConversationInput; now: Date },
): Promise<Conversation> {
  const { organizationId, input, now } = params;
  const campaign = await requireCampaignRef(db, {
    organizationId,
    campaignId: input.campaignId,
    externalCampaignId: input.externalCampaignId,
  });
  assertReachable(campaign, input);
  assertCustomOpening(campaign, input);
  const scheduling = await resolveScheduling(db, organizationId, campaign, input);
  if (scheduling) {
    await assertCalendarsConnected(db, {
      organizationId,
      participants: scheduling.participants,
      method: scheduling.method,
      configuration: scheduling.configuration,
      path: 'meetingParticipants',
    });
  }

  const id = newId();
  const participants = (scheduling?.participants ?? []).map((p) => ({ ...p, id: newId() }));
  const configuration = scheduling && {
    ...scheduling.configuration,
    title: renderTemplate(scheduling.configuration.title, {
      candidateName: fullName(input),
      firstName: input.firstName,
      lastName: input.lastName,
      position: campaign.position,
      company: campaign.company,
    }),
  };
  const isCollecting = participants.some((p) => p.autoCollectAvailability);
  // Nothing offerable from the start: NO_AVAILABILITY, with its event in the same transaction.
  const availability =
    configuration && !isCollecting
      ? await findOfferableSlot(db, {
          organizationId,
          configuration,
          participants,
          method: scheduling.method,
          now,
        })
      : null;

  const conversation = {
    id,
    organizationId,
    campaignId: campaign.id,
    meetingTemplateId: scheduling?.templateId ?? null,
    availabilityMethod: scheduling?.method ?? ('COLLECTIVE' as const),
    schedulingStatus: !configuration
      ? null
      : isCollecting
        ? ('AWAITING_AVAILABILITY' as const)
        : availability?.isOfferable
          ? ('LINK_SENT' as const)
          : ('NO_AVAILABILITY' as const),
    firstName: input.firstName,
    lastName: input.lastName,
    phoneNumber: input.phoneNumber,
    emailAddress: input.emailAddress,
    externalId: input.externalId,
    candidateTimezone: null,
    needsReview: false,
    isHumanTakeover: false,
    bookingToken: configuration ? newToken() : null,
    meetingConfiguration: configuration,
    sendDuringBusinessHours: input.shouldSendDuringBusinessHours ?? false,
    customOpeningMessage: input.customOpeningMessage ?? null,
    applicationSource: input.applicationSource ?? null,
    agentState: {},
    pendingReplyAction: null,
    replyToken: newReplyToken(),
    startedAt: null,
    lastCandidateMessageAt: null,
    followUpAt: null,
    closedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  if (input.closePreviousConversations)
    await closeConversationsWith(db, { organizationId, contact: conversation, now });
  // The start job commits with the row. It goes out beside the insert: the job starts a CREATED
  // conversation only, so for the rare QUEUED one it does nothing (that one gets its own job when
  // the conversation ahead of it ends).
  const status = await db.transaction(async (tx) => {
    // One round trip: the statements are pipelined on the transaction's connection, and whether
    // the contact opted out does not depend on the rows being written.
    const [inserted, , , optedOut] = await Promise.all([
      insertConversation(tx, { conversation, participants }),
      enqueueJob(tx, 'conversations.start', { organizationId, conversationId: id }),
      ensureUserCalendars(tx, { organizationId, people: participants, now }),
      isOptedOut(tx, { organizationId, addresses: contactAddresses(conversation) }),
    ]);
    // A contact who opted out hears nothing more from the organization (DESIGN §7).
    if (optedOut) {
      await markOptedOut(tx, { organizationId, conversationId: id, now });
      return 'OPTED_OUT' as const;
    }
    if (inserted === 'QUEUED') {
      await recordEvent(tx, {
        organizationId,
        event: 'CONVERSATION_QUEUED',
        conversationId: id,
        data: {
          ...(await conversationEventBase(tx, conversation, campaign)),
          conversationStatus: inserted,
        },
        now,
      });
    }
    if (conversation.schedulingStatus === 'NO_AVAILABILITY' && availability) {
      await recordAvailabilityNotFound(tx, {
        conversation: { ...conversation, status: inserted },
        range: availability.range,
        now,
      });
    }
    return inserted;
  });
  const row = { ...conversation, status };
  return toConversation(row, participants);
}

/** Popp's rules for a custom opening (DESIGN §3): SMS carries STOP; WhatsApp needs templates. */
function assertCustomOpening(campaign: CampaignRow, input: ConversationInput): void {
  const text = input.customOpeningMessage;
  if (!text) return;
  if (campaign.channel === 'WHATSAPP')
    throw new DomainError(
      'validation_error',
      'customOpeningMessage: is not allowed on a WHATSAPP campaign (the opening is a template)',
      [{ path: 'customOpeningMessage', message: 'is not allowed on a WHATSAPP campaign' }],
    );
  if (campaign.channel === 'SMS' && !/\bSTOP\b/.test(text))
    throw new DomainError(
      'validation_error',
      'customOpeningMessage: must contain STOP on an SMS campaign (how to opt out)',
      [{ path: 'customOpeningMessage', message: 'must contain STOP on an SMS campaign' }],
    );
}

function assertReachable(campaign: CampaignRow, input: ConversationInput): void {
  if ((campaign.channel === 'SMS' || campaign.channel === 'WHATSAPP') && !input.phoneNumber) {
    throw new DomainError(
      'validation_error',
      `phoneNumber: is required for a ${campaign.channel} campaign`,
      [{ path: 'phoneNumber', message: `is required for a ${campaign.channel} campaign` }],
    );
  }
  if (campaign.channel === 'EMAIL' && !input.emailAddress) {
    throw new DomainError('validation_error', 'emailAddress: is required for an EMAIL campaign', [
      { path: 'emailAddress', message: 'is required for an EMAIL campaign' },
    ]);
  }
}

async function resolveScheduling(
  db: Db,
  organizationId: string,
  campaign: CampaignRow,
  input: ConversationInput,
): Promise<Scheduling | null> {
  if (input.meetingParticipants && input.meetingConfiguration) {
    return {
      templateId: null,
      method: input.availabilityMethod ?? 'COLLECTIVE',
      participants: input.meetingParticipants.map(toParticipant),
      configuration: input.meetingConfiguration,
    };
  }
  if (!campaign.meetingTemplateId) return null;
  const template = await requireMeetingTemplate(db, {
    organizationId,
    id: campaign.meetingTemplateId,
  });
  return {
    templateId: template.id,
    method: template.availabilityMethod,
    participants: template.participants.map(orderedParticipant),
    configuration: template.configuration,
  };
}
