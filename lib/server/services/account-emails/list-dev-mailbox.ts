import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { ensureBooted } from '@/lib/server/boot';
import { getDb } from '@/lib/server/db/client';
import { accountEmails } from '@/lib/server/db/schema/users';

/** The latest emails the dev transport recorded instead of sending (sign-in links, invitations). */
export async function listDevMailbox(limit = 20) {
  await ensureBooted();
  return getDb()
    .select({
      id: accountEmails.id,
      toAddress: accountEmails.toAddress,
      subject: accountEmails.subject,
      body: accountEmails.body,
      createdAt: accountEmails.createdAt,
    })
    .from(accountEmails)
    .where(eq(accountEmails.transport, 'dev'))
    .orderBy(desc(accountEmails.id))
    .limit(limit);
}
