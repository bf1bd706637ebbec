import 'server-only';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { messages } from '@/lib/server/db/schema/conversations';

export type OutboxMessage = {
  id: string;
  conversationId: string | null;
  channel: 'SMS' | 'WHATSAPP' | 'EMAIL';
  to: string;
  subject: string | null;
  body: string;
  sentAt: string;
};

export type OutboxPage = { messages: OutboxMessage[]; nextCursor: string | null };

/**
 * What the development transport recorded instead of sending, for one organization, newest
 * first: keyset pages by message id (UUIDv7, time-ordered) on the (organization_id, id) index.
 */
export async function listDevOutbox(
  db: Db,
  params: { organizationId: string; before?: string | undefined; limit?: number },
): Promise<OutboxPage> {
  const limit = params.limit ?? 25;
  const rows = await db
    .select({
      id: messages.id,
      conversationId: messages.conversationId,
      channel: messages.channel,
      to: messages.toAddress,
      subject: messages.subject,
      body: messages.body,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(
      and(
        eq(messages.organizationId, params.organizationId),
        eq(messages.transport, 'dev'),
        eq(messages.direction, 'OUTBOUND'),
        params.before ? lt(messages.id, params.before) : undefined,
      ),
    )
    .orderBy(desc(messages.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(({ createdAt, ...m }) => ({
    ...m,
    sentAt: createdAt.toISOString(),
  }));
  return {
    messages: page,
    nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
