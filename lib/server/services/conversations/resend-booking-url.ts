import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  activeConversationStatuses,
  type ResendBookingUrlResult,
} from '@/lib/contracts/conversation';
import { bookingLinkReminder } from '@/lib/domain/agent/opening-message';
import { DomainError, notFound } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import { campaigns } from '@/lib/server/db/schema/campaigns';
import { conversations, messages } from '@/lib/server/db/schema/conversations';
import { queueMessages } from '@/lib/server/channels/queue-messages';
import type { ConversationRow } from '@/lib/server/queries/conversations';
import { bookingUrlOf, toMessage } from './to-conversation';

export type ConversationLocator =
  | { conversationId: string; externalConversationId?: undefined }
  | { conversationId?: undefined; externalConversationId: string };

/**
 * Sends the candidate their booking link again (DESIGN §3 `POST /v1/scheduling/resend-booking-url`):
 * a new message on the campaign's channel with the same link. Only a conversation that is talking
 * and whose link can still be used gets one; otherwise a conflict says why.
 */
export async function resendBookingUrl(
  db: Db,
  params: { organizationId: string; locator: ConversationLocator; now: Date },
): Promise<ResendBookingUrlResult> {
  const { organizationId, locator, now } = params;
  const messageId = await db.transaction(async (tx) => {
    const conversation = await lockConversation(tx, organizationId, locator);
    const [campaign] = await tx
      .select()
      .from(campaigns)
      .where(
        and(
          eq(campaigns.organizationId, organizationId),
          eq(campaigns.id, conversation.campaignId),
        ),
      )
      .limit(1);
    if (!campaign) throw notFound('Campaign');
    const bookingUrl = refuseUnlessResendable(conversation);
    const to = campaign.channel === 'EMAIL' ? conversation.emailAddress : conversation.phoneNumber;
    if (!to) {
      throw new DomainError(
        'conflict',
        `The candidate has no ${campaign.channel === 'EMAIL' ? 'email address' : 'phone number'} for this campaign's channel.`,
      );
    }
    const reminder = bookingLinkReminder({
      channel: campaign.channel,
      tone: campaign.agentTone,
      language: campaign.language,
      firstName: conversation.firstName,
      agentName: campaign.agentName,
      company: campaign.company,
      bookingUrl,
    });
    const [id] = await queueMessages(
      tx,
      [
        {
          organizationId,
          conversationId: conversation.id,
          channel: campaign.channel,
          to,
          subject: reminder.subject,
          body: reminder.body,
        },
      ],
      now,
    );
    await tx
      .update(conversations)
      .set({ updatedAt: now })
      .where(
        and(
          eq(conversations.organizationId, organizationId),
          eq(conversations.id, conversation.id),
        ),
      );
    return { id: id!, conversationId: conversation.id, bookingUrl };
  });
  const [message] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.organizationId, organizationId), eq(messages.id, messageId.id)))
    .limit(1);
  return {
    conversationId: messageId.conversationId,
    bookingUrl: messageId.bookingUrl,
    message: toMessage(message!),
  };
}

async function lockConversation(
  tx: Db,
  organizationId: string,
  locator: ConversationLocator,
): Promise<ConversationRow> {
  const [row] = await tx
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.organizationId, organizationId),
        locator.conversationId !== undefined
          ? eq(conversations.id, locator.conversationId)
          : eq(conversations.externalId, locator.externalConversationId),
      ),
    )
    // By external id, several conversations may share it: the one still talking, else the newest.
    .orderBy(
      sql`${inArray(conversations.status, [...activeConversationStatuses])} desc`,
      desc(conversations.createdAt),
      desc(conversations.id),
    )
    .for('update')
    .limit(1);
  if (!row) {
    throw notFound(
      'Conversation',
      locator.conversationId !== undefined ? 'conversationId' : 'externalConversationId',
    );
  }
  return row;
}

/** The link to send, or the conflict that explains why there is none to send. */
function refuseUnlessResendable(conversation: ConversationRow): string {
  const url = bookingUrlOf(conversation.bookingToken);
  if (!url || !conversation.meetingConfiguration) {
    throw new DomainError(
      'conflict',
      'This conversation has no booking link (it is not an auto-schedule conversation).',
    );
  }
  switch (conversation.status) {
    case 'CREATED':
    case 'QUEUED':
      throw new DomainError(
        'conflict',
        'The conversation has not started yet; its first message will carry the booking link.',
      );
    case 'COMPLETED':
      throw new DomainError('conflict', 'The candidate has already booked a meeting.');
    case 'CLOSED':
    case 'OPTED_OUT':
    case 'DELIVERY_FAILED':
      throw new DomainError(
        'conflict',
        `The conversation has ended (status ${conversation.status}); no link can be sent.`,
      );
    case 'ONGOING':
      break;
  }
  switch (conversation.schedulingStatus) {
    case 'SCHEDULED':
      throw new DomainError('conflict', 'The candidate has already booked a meeting.');
    case 'AWAITING_AVAILABILITY':
      throw new DomainError(
        'conflict',
        "The link is not ready: the interviewer's availability is still being collected.",
      );
    case 'NO_AVAILABILITY':
      throw new DomainError(
        'conflict',
        'The link has no time to offer; add availability for the interviewers first.',
      );
    default:
      return url;
  }
}
