import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { conversations, messages } from '@/lib/server/db/schema/conversations';
import { log } from '@/lib/server/log';
import { messageIdOf, replyAddressOf, transportFor } from './transports';
import { availabilityRequests } from '@/lib/server/db/schema/calendars';
import { availabilityReplyAddress } from '@/lib/server/services/availability/availability-requests';

const WHATSAPP_WINDOW_MS = 24 * 3_600_000;

/** Sends one queued message (the `messages.deliver` job); a throw lets the job retry. */
export async function deliverMessage(
  db: Db,
  params: { organizationId: string; messageId: string; now: Date },
): Promise<void> {
  const { organizationId, messageId } = params;
  const own = and(eq(messages.organizationId, organizationId), eq(messages.id, messageId));
  const [row] = await db.select().from(messages).where(own).limit(1);
  if (!row || row.status !== 'QUEUED') return;
  const transport = transportFor(row.channel);
  try {
    const { providerMessageId } = await transport.send({
      channel: row.channel,
      to: row.toAddress,
      from: row.fromAddress ?? '',
      subject: row.subject,
      body: row.body,
      attachments: row.attachments ?? undefined,
      ...(await envelopeExtras(db, row, params.now)),
    });
    await db
      .update(messages)
      .set({ status: 'SENT', providerMessageId, error: null })
      .where(and(own, eq(messages.status, 'QUEUED')));
  } catch (error) {
    log.warn('message delivery failed', { messageId, error });
    await db
      .update(messages)
      .set({ error: (error as Error).message })
      .where(own);
    throw error;
  }
}

/** Email: the reply address and our Message-ID. WhatsApp: is the 24-hour window closed? */
async function envelopeExtras(
  db: Db,
  row: typeof messages.$inferSelect,
  now: Date,
): Promise<{ replyTo?: string; messageId?: string; outsideSessionWindow?: boolean }> {
  if (row.availabilityRequestId && row.channel === 'EMAIL') {
    const [request] = await db
      .select({ token: availabilityRequests.token })
      .from(availabilityRequests)
      .where(
        and(
          eq(availabilityRequests.organizationId, row.organizationId),
          eq(availabilityRequests.id, row.availabilityRequestId),
        ),
      )
      .limit(1);
    const replyTo = request ? availabilityReplyAddress(request.token) : undefined;
    return { messageId: messageIdOf(row.id), ...(replyTo ? { replyTo } : {}) };
  }
  if (!row.conversationId) return {};
  if (row.channel === 'EMAIL') {
    const [conversation] = await db
      .select({ replyToken: conversations.replyToken })
      .from(conversations)
      .where(
        and(
          eq(conversations.organizationId, row.organizationId),
          eq(conversations.id, row.conversationId),
        ),
      )
      .limit(1);
    const replyTo = conversation ? replyAddressOf(conversation.replyToken) : undefined;
    return { messageId: messageIdOf(row.id), ...(replyTo ? { replyTo } : {}) };
  }
  if (row.channel === 'WHATSAPP') {
    const [last] = await db
      .select({ createdAt: messages.createdAt })
      .from(messages)
      .where(
        and(
          eq(messages.organizationId, row.organizationId),
          eq(messages.conversationId, row.conversationId),
          eq(messages.direction, 'INBOUND'),
        ),
      )
      .orderBy(desc(messages.createdAt))
      .limit(1);
    return {
      outsideSessionWindow: !last || now.getTime() - last.createdAt.getTime() > WHATSAPP_WINDOW_MS,
    };
  }
  return {};
}
