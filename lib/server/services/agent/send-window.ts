import 'server-only';
import { nextBusinessInstant } from '@/lib/domain/agent/business-hours';
import { phoneNumberZone } from '@/lib/domain/people/phone';
import type { ConversationRow } from '@/lib/server/queries/conversations';

/**
 * The candidate's zone for business hours (DESIGN §3): the booking page's choice, else the phone
 * number's country when it keeps one clock, else the meeting's zone.
 */
export function candidateZone(
  conversation: Pick<ConversationRow, 'candidateTimezone' | 'phoneNumber' | 'meetingConfiguration'>,
): string {
  return (
    conversation.candidateTimezone ??
    (conversation.phoneNumber ? phoneNumberZone(conversation.phoneNumber) : null) ??
    conversation.meetingConfiguration?.timezone ??
    'UTC'
  );
}

/**
 * When the agent may write first (the opening, nudges, a booking link): now, or the next
 * business hour when the conversation asked for business hours. Answers to a reply go at once.
 */
export function sendNotBefore(
  conversation: Pick<
    ConversationRow,
    'sendDuringBusinessHours' | 'candidateTimezone' | 'phoneNumber' | 'meetingConfiguration'
  >,
  now: Date,
): Date {
  if (!conversation.sendDuringBusinessHours) return now;
  return new Date(nextBusinessInstant(candidateZone(conversation), now.getTime()));
}
