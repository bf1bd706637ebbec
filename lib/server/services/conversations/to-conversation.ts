import 'server-only';
import type { Conversation } from '@/lib/contracts/conversation';
import { meetingConfigurationSchema, type MeetingParticipant } from '@/lib/contracts/meeting';
import { env } from '@/lib/env';
import type { ConversationRow, StoredParticipant } from '@/lib/server/queries/conversations';

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
    meetingParticipants: participants.map(publicParticipant),
    meetingConfiguration:
      row.meetingConfiguration && meetingConfigurationSchema.parse(row.meetingConfiguration),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function publicParticipant(p: StoredParticipant): MeetingParticipant {
  return {
    name: p.name,
    email: p.email,
    isOrganizer: p.isOrganizer,
    isCalendarConnected: p.isCalendarConnected,
    // Built field by field: rows from a template's jsonb keep jsonb's own key order.
    availability: p.availability && {
      timezone: p.availability.timezone,
      timeSlots: p.availability.timeSlots.map((s) => ({
        date: s.date,
        startTime: s.startTime,
        endTime: s.endTime,
      })),
    },
    autoCollectAvailability: p.autoCollectAvailability,
  };
}
