import 'server-only';
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Channel } from '@/lib/contracts/campaign';
import { parseRawEmail } from '@/lib/domain/agent/email-message';
import { replyBody } from '@/lib/domain/agent/understand-reply';
import type { Db } from '@/lib/server/db/client';
import { conversations, messages } from '@/lib/server/db/schema/conversations';
import { markMessageFailed } from '@/lib/server/channels/message-failed';
import {
  matchAvailabilityRequest,
  receiveAvailabilityReply,
  type AvailabilityReplyOutcome,
} from '@/lib/server/services/availability/receive-availability-reply';
import { receiveReply, type ReplyOutcome } from './receive-reply';

export type InboundOutcome = ReplyOutcome | AvailabilityReplyOutcome | { status: 'UNMATCHED' };

type Found = { organizationId: string; conversationId: string };

/** The conversation that last wrote to `address` on `channel` (an SMS names only the number). */
async function lastConversationWritingTo(
  db: Db,
  channel: Channel,
  address: string,
): Promise<Found | null> {
  const [row] = await db
    .select({ organizationId: messages.organizationId, conversationId: messages.conversationId })
    .from(messages)
    .where(
      and(
        eq(messages.toAddress, address),
        eq(messages.direction, 'OUTBOUND'),
        eq(messages.channel, channel),
        isNotNull(messages.conversationId),
      ),
    )
    .orderBy(desc(messages.createdAt))
    .limit(1);
  return row?.conversationId
    ? { organizationId: row.organizationId, conversationId: row.conversationId }
    : null;
}

/** An SMS or WhatsApp message from Twilio (already signature-checked). */
export async function receiveTextMessage(
  db: Db,
  params: {
    channel: 'SMS' | 'WHATSAPP';
    from: string;
    to: string;
    body: string;
    providerMessageId: string;
    now: Date;
  },
): Promise<InboundOutcome> {
  const found = await lastConversationWritingTo(db, params.channel, params.from);
  if (!found) return { status: 'UNMATCHED' };
  return receiveReply(db, {
    ...found,
    inbound: {
      channel: params.channel,
      transport: 'twilio',
      providerMessageId: params.providerMessageId,
      from: params.from,
      to: params.to,
      body: params.body,
    },
    now: params.now,
  });
}

const REPLY_ADDRESS = /^reply\+([0-9a-f]{32})@/;
const OUR_MESSAGE_ID = /^<([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@/;

/**
 * An email reply (raw RFC 822 or fetched from Resend): matched by its reply address, else by
 * the Message-ID of ours it answers, else by the last conversation that wrote to its sender.
 */
export async function receiveEmail(
  db: Db,
  params: {
    raw?: string;
    parsed?: ReturnType<typeof parseRawEmail>;
    transport: 'email' | 'resend';
    providerMessageId: string | null;
    now: Date;
  },
): Promise<InboundOutcome> {
  const email = params.parsed ?? parseRawEmail(params.raw ?? '');
  if (!email.from) return { status: 'UNMATCHED' };
  // A conversation's own address or thread first; then an availability request (DESIGN §8).
  const direct = await matchEmail(db, email, { bySender: false });
  const asked = direct
    ? null
    : await matchAvailabilityRequest(
        db,
        email,
        email.inReplyTo.flatMap((id) => OUR_MESSAGE_ID.exec(id)?.[1] ?? []),
      );
  if (asked)
    return receiveAvailabilityReply(db, {
      ...asked,
      text: replyBody(email.text),
      from: email.from,
      to: email.recipients[0] ?? '',
      subject: email.subject,
      transport: params.transport,
      providerMessageId: params.providerMessageId ?? email.messageId,
      now: params.now,
    });
  const found = direct ?? (await lastConversationWritingTo(db, 'EMAIL', email.from));
  if (!found) return { status: 'UNMATCHED' };
  return receiveReply(db, {
    ...found,
    inbound: {
      channel: 'EMAIL',
      transport: params.transport,
      providerMessageId: params.providerMessageId ?? email.messageId,
      from: email.from,
      to: email.recipients[0] ?? '',
      subject: email.subject,
      body: replyBody(email.text),
    },
    now: params.now,
  });
}

async function matchEmail(
  db: Db,
  email: ReturnType<typeof parseRawEmail>,
  options: { bySender: boolean } = { bySender: true },
): Promise<Found | null> {
  const tokens = email.recipients.flatMap((r) => REPLY_ADDRESS.exec(r)?.[1] ?? []);
  if (tokens.length > 0) {
    const [row] = await db
      .select({ organizationId: conversations.organizationId, conversationId: conversations.id })
      .from(conversations)
      .where(inArray(conversations.replyToken, tokens))
      .limit(1);
    if (row) return row;
  }
  const ids = email.inReplyTo.flatMap((id) => OUR_MESSAGE_ID.exec(id)?.[1] ?? []);
  if (ids.length > 0) {
    const [row] = await db
      .select({ organizationId: messages.organizationId, conversationId: messages.conversationId })
      .from(messages)
      .where(and(inArray(messages.id, ids), eq(messages.direction, 'OUTBOUND')))
      .limit(1);
    if (row?.conversationId)
      return { organizationId: row.organizationId, conversationId: row.conversationId };
  }
  return options.bySender ? lastConversationWritingTo(db, 'EMAIL', email.from!) : null;
}

/**
 * Twilio's delivery report for a message it accepted: DELIVERED, or FAILED (an opening that
 * cannot be delivered makes the conversation DELIVERY_FAILED). Unknown ids change nothing.
 */
export async function recordDeliveryStatus(
  db: Db,
  params: { providerMessageId: string; status: string; errorCode: string | null; now: Date },
): Promise<void> {
  const [row] = await db
    .select({ id: messages.id, organizationId: messages.organizationId, status: messages.status })
    .from(messages)
    .where(
      and(
        eq(messages.providerMessageId, params.providerMessageId),
        eq(messages.transport, 'twilio'),
        eq(messages.direction, 'OUTBOUND'),
      ),
    )
    .limit(1);
  if (!row) return;
  if (params.status === 'delivered' && row.status === 'SENT') {
    await db
      .update(messages)
      .set({ status: 'DELIVERED' })
      .where(and(eq(messages.organizationId, row.organizationId), eq(messages.id, row.id)));
  } else if (params.status === 'failed' || params.status === 'undelivered') {
    await markMessageFailed(db, {
      organizationId: row.organizationId,
      messageId: row.id,
      now: params.now,
      error: `Twilio reported the message ${params.status}${params.errorCode ? ` (error ${params.errorCode})` : ''}.`,
    });
  }
}
