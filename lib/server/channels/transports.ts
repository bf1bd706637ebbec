import 'server-only';
import type { Channel } from '@/lib/contracts/campaign';
import { env } from '@/lib/env';
import { resendTransport } from './email/resend-transport';
import { twilioTransport } from './sms/twilio-transport';
import type { Transport } from './types';

const devTransport: Transport = {
  name: 'dev',
  isDev: true,
  send: () => Promise.resolve({ providerMessageId: 'dev' }),
};

/** Is Twilio configured (account, token and a sender)? Its webhooks need the token too. */
export function twilioConfigured(): boolean {
  const s = env();
  return !!(
    s.TWILIO_ACCOUNT_SID &&
    s.TWILIO_AUTH_TOKEN &&
    (s.TWILIO_FROM_NUMBER || s.TWILIO_MESSAGING_SERVICE_SID || s.TWILIO_WHATSAPP_FROM)
  );
}

/**
 * Email goes through Resend when RESEND_API_KEY is set, SMS and WhatsApp through Twilio when it
 * is configured; everything else to the dev outbox (the dashboard's outbox shows it).
 */
export function transportFor(channel: Channel): Transport {
  const settings = env();
  if (channel === 'EMAIL' && settings.RESEND_API_KEY) {
    return resendTransport(settings.RESEND_API_KEY, settings.RESEND_BASE_URL);
  }
  if (channel !== 'EMAIL' && twilioConfigured()) {
    return twilioTransport({
      accountSid: settings.TWILIO_ACCOUNT_SID!,
      authToken: settings.TWILIO_AUTH_TOKEN!,
      apiUrl: settings.TWILIO_API_URL,
      fromNumber: settings.TWILIO_FROM_NUMBER,
      messagingServiceSid: settings.TWILIO_MESSAGING_SERVICE_SID,
      whatsappFrom: settings.TWILIO_WHATSAPP_FROM,
      whatsappTemplateSid: settings.TWILIO_WHATSAPP_TEMPLATE_SID,
      statusCallback: `${settings.APP_URL}/webhooks/twilio/status`,
    });
  }
  return devTransport;
}

export function senderFor(channel: Channel): string {
  if (channel === 'EMAIL') return env().EMAIL_FROM;
  const s = env();
  return (channel === 'WHATSAPP' ? s.TWILIO_WHATSAPP_FROM : s.TWILIO_FROM_NUMBER) ?? 'Parley';
}

/** A conversation's email reply address, when inbound email is set up (DESIGN §7). */
export function replyAddressOf(replyToken: string): string | undefined {
  const domain = env().PARLEY_INBOUND_EMAIL_DOMAIN;
  return domain ? `reply+${replyToken}@${domain}` : undefined;
}

/** Our Message-ID of an outbound email: a reply names it in In-Reply-To / References. */
export function messageIdOf(messageId: string): string {
  const domain = env().PARLEY_INBOUND_EMAIL_DOMAIN ?? 'parley.localhost';
  return `<${messageId}@${domain}>`;
}
