import 'server-only';
import type { Conversation, Message } from '@/lib/contracts/conversation';
import { orderedConfiguration, orderedParticipant } from '@/lib/contracts/meeting';
import { env } from '@/lib/env';
import type {
  ConversationRow,
  MessageRow,
  StoredParticipant,
} from '@/lib/server/queries/conversations';

export function bookingUrlOf(token: string | null): string | null {
  return token ? `${env().APP_URL}/book/${token}` : null;
}

export function toConversation(
  row: ConversationRow,
  participants: StoredParticipant[],
): Conversation {
  return {
    id: row.id,
    status: row.status,
    schedulingStatus: row.schedulingStatus,
    campaignId: row.campaignId,
    firstName: row.firstName,
    lastName: row.lastName,
    phoneNumber: row.phoneNumber,
    emailAddress: row.emailAddress,
    externalId: row.externalId,
    bookingUrl: bookingUrlOf(row.bookingToken),
    needsReview: row.needsReview,
    isHumanTakeover: row.isHumanTakeover,
    candidateTimezone: row.candidateTimezone,
    shouldSendDuringBusinessHours: row.sendDuringBusinessHours,
    applicationSource: row.applicationSource,
    availabilityMethod: row.meetingConfiguration ? row.availabilityMethod : null,
    // orderedParticipant also drops the stored participant's id.
    meetingParticipants: participants.map(orderedParticipant),
    meetingConfiguration:
      row.meetingConfiguration && orderedConfiguration(row.meetingConfiguration),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A stored message as the API shows it. */
export function toMessage(m: MessageRow): Message {
  return {
    id: m.id,
    direction: m.direction,
    channel: m.channel,
    author: m.author,
    body: m.body,
    status: m.status,
    createdAt: m.createdAt.toISOString(),
  };
}
