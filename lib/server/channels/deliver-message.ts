import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { messages } from '@/lib/server/db/schema/conversations';
import { log } from '@/lib/server/log';
import { transportFor } from './transports';

/** Sends one queued message (the `messages.deliver` job); a throw lets the job retry. */
export async function deliverMessage(
  db: Db,
  params: { organizationId: string; messageId: string },
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
