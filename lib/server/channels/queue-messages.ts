import 'server-only';
import type { Db } from '@/lib/server/db/client';
import { messages } from '@/lib/server/db/schema/conversations';
import { newId } from '@/lib/server/ids';
import { enqueueJobs } from '@/lib/server/jobs/enqueue';
import { senderFor, transportFor } from './transports';
import type { OutboundMessage } from './types';

/**
 * Records outbound messages in the caller's transaction. Messages for the dev transport are done
 * (they live in the outbox); the others get a delivery job in the same transaction, which starts
 * at `notBefore` when the messages are held for business hours.
 */
export async function queueMessages(
  db: Db,
  list: OutboundMessage[],
  now: Date,
  options: { notBefore?: Date } = {},
): Promise<string[]> {
  if (list.length === 0) return [];
  // Held for business hours: every message then waits in the queue, the dev transport's too.
  const held = options.notBefore && options.notBefore > now ? options.notBefore : null;
  const rows = list.map((m) => {
    const transport = transportFor(m.channel);
    return {
      id: newId(),
      organizationId: m.organizationId,
      conversationId: m.conversationId,
      availabilityRequestId: m.availabilityRequestId ?? null,
      direction: 'OUTBOUND' as const,
      author: m.author ?? ('AGENT' as const),
      channel: m.channel,
      toAddress: m.to,
      fromAddress: senderFor(m.channel),
      subject: m.subject ?? null,
      body: m.body,
      attachments: m.attachments ?? null,
      transport: transport.name,
      status: transport.isDev && !held ? ('SENT' as const) : ('QUEUED' as const),
      createdAt: now,
    };
  });
  await db.insert(messages).values(rows);
  const queued = rows.filter((row) => row.status === 'QUEUED');
  await enqueueJobs(
    db,
    'messages.deliver',
    queued.map((row) => ({ organizationId: row.organizationId, messageId: row.id })),
    held ? { startAfter: held } : {},
  );
  return rows.map((r) => r.id);
}
