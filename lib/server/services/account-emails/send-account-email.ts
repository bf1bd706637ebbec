import 'server-only';
import { transportFor, senderFor } from '@/lib/server/channels/transports';
import type { Db } from '@/lib/server/db/client';
import { accountEmails } from '@/lib/server/db/schema/users';
import { newId } from '@/lib/server/ids';
import { log } from '@/lib/server/log';

/**
 * Sends an email to a person (a sign-in link, an invitation) through the email transport — Resend
 * when configured, else the dev outbox — and records it. It runs in the request that asked for it,
 * outside any transaction; a refused email throws, so the person can ask again.
 */
export async function sendAccountEmail(
  db: Db,
  params: { to: string; subject: string; body: string; now: Date },
): Promise<void> {
  const transport = transportFor('EMAIL');
  const row = {
    id: newId(),
    toAddress: params.to,
    subject: params.subject,
    body: params.body,
    transport: transport.name,
    createdAt: params.now,
  };
  try {
    const { providerMessageId } = await transport.send({
      channel: 'EMAIL',
      to: params.to,
      from: senderFor('EMAIL'),
      subject: params.subject,
      body: params.body,
    });
    await db.insert(accountEmails).values({ ...row, status: 'SENT', providerMessageId });
  } catch (error) {
    log.warn('account email failed', { error });
    await db
      .insert(accountEmails)
      .values({ ...row, status: 'FAILED', error: (error as Error).message });
    throw error;
  }
}
