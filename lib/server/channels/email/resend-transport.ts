import 'server-only';
import { Resend } from 'resend';
import type { Transport } from '@/lib/server/channels/types';

/** Email through Resend's API (RESEND_BASE_URL points it at a local fake in tests). */
export function resendTransport(apiKey: string, baseUrl?: string): Transport {
  const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: 'resend',
    isDev: false,
    async send(message) {
      const { data, error } = await client.emails.send({
        from: message.from,
        to: [message.to],
        subject: message.subject ?? '',
        text: message.body,
        ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        ...(message.messageId ? { headers: { 'Message-ID': message.messageId } } : {}),
        attachments: message.attachments?.map((a) => ({
          filename: a.filename,
          content: Buffer.from(a.content, 'utf8').toString('base64'),
          contentType: a.contentType,
        })),
      });
      // Offline or refused, the SDK answers { error } instead of throwing.
      if (error || !data)
        throw new Error(`Resend refused the email: ${error?.message ?? 'no response'}`);
      return { providerMessageId: data.id };
    },
  };
}
