import 'server-only';
import type { Channel } from '@/lib/contracts/campaign';
import { env } from '@/lib/env';
import { resendTransport } from './email/resend-transport';
import type { Transport } from './types';

const devTransport: Transport = {
  name: 'dev',
  isDev: true,
  send: () => Promise.resolve({ providerMessageId: 'dev' }),
};

/** Email goes through Resend when RESEND_API_KEY is set; everything else to the dev outbox. */
export function transportFor(channel: Channel): Transport {
  const settings = env();
  if (channel === 'EMAIL' && settings.RESEND_API_KEY) {
    return resendTransport(settings.RESEND_API_KEY, settings.RESEND_BASE_URL);
  }
  return devTransport;
}

export function senderFor(channel: Channel): string {
  return channel === 'EMAIL' ? env().EMAIL_FROM : 'Parley';
}
