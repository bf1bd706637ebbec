import 'server-only';
import { nextBusinessInstant } from '@/lib/domain/agent/business-hours';
import { phoneNumberZone } from '@/lib/domain/people/phone';
import type { ConversationRow } from '@/lib/server/queries/conversations';

/**
 * The zone a reply is read in and the agent's times are written in (DESIGN §7): the booking
 * page's choice, else the meeting's.
 */
export function replyZone(
  conversation: Pick<ConversationRow, 'candidateTimezone' | 'meetingConfiguration'>,
): string {
  return conversation.candidateTimezone ?? conversation.meetingConfiguration?.timezone ?? 'UTC';
}

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
