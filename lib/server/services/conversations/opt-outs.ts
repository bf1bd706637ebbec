import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { contactOptOuts, conversations } from '@/lib/server/db/schema/conversations';
import type { ConversationRow } from '@/lib/server/queries/conversations';

/**
 * Opt-outs are per organization and per address (DESIGN §7): a candidate who answered STOP to
 * one conversation hears nothing from any later one of that organization on that phone or email.
 */
export function contactAddresses(
  conversation: Pick<ConversationRow, 'phoneNumber' | 'emailAddress'>,
): string[] {
  return [conversation.phoneNumber, conversation.emailAddress?.toLowerCase()].filter(
    (a): a is string => !!a,
  );
}

export async function isOptedOut(
  db: Db,
  params: { organizationId: string; addresses: string[] },
): Promise<boolean> {
  if (params.addresses.length === 0) return false;
  const rows = await db
    .select({ address: contactOptOuts.address })
    .from(contactOptOuts)
    .where(
      and(
        eq(contactOptOuts.organizationId, params.organizationId),
        inArray(contactOptOuts.address, params.addresses),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function optOutContact(
  db: Db,
  params: { organizationId: string; addresses: string[]; conversationId: string; now: Date },
): Promise<void> {
  if (params.addresses.length === 0) return;
  await db
    .insert(contactOptOuts)
    .values(
      params.addresses.map((address) => ({
        organizationId: params.organizationId,
        address,
        conversationId: params.conversationId,
        createdAt: params.now,
      })),
    )
    .onConflictDoNothing();
}

export async function optInContact(
  db: Db,
  params: { organizationId: string; addresses: string[] },
): Promise<void> {
  if (params.addresses.length === 0) return;
  await db
    .delete(contactOptOuts)
    .where(
      and(
        eq(contactOptOuts.organizationId, params.organizationId),
        inArray(contactOptOuts.address, params.addresses),
      ),
    );
}

/** A conversation created for an opted-out contact: OPTED_OUT at once, nothing sent. */
export async function markOptedOut(
  db: Db,
  params: { organizationId: string; conversationId: string; now: Date },
): Promise<void> {
  await db
    .update(conversations)
    .set({ status: 'OPTED_OUT', closedAt: params.now, updatedAt: params.now })
    .where(
      and(
        eq(conversations.organizationId, params.organizationId),
        eq(conversations.id, params.conversationId),
      ),
    );
}
