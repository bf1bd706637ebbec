import 'server-only';
import twilio from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient';
import type { Transport } from '@/lib/server/channels/types';

export type TwilioSettings = {
  accountSid: string;
  authToken: string;
  /** TWILIO_API_URL: Twilio's own by default; a local server speaking its API in tests. */
  apiUrl: string;
  fromNumber?: string | undefined;
  messagingServiceSid?: string | undefined;
  whatsappFrom?: string | undefined;
  whatsappTemplateSid?: string | undefined;
  /** Where Twilio reports delivery (`POST /webhooks/twilio/status`). */
  statusCallback: string;
};

const TWILIO_API = 'https://api.twilio.com';

/**
 * The SDK's own HTTP client, with Twilio's API address replaced by TWILIO_API_URL: everything
 * else (form encoding, auth, error mapping) stays the SDK's.
 */
class ApiUrlClient extends RequestClient {
  constructor(private readonly apiUrl: string) {
    super({ timeout: 15_000 });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const uri = opts.uri.startsWith(TWILIO_API)
      ? this.apiUrl.replace(/\/+$/, '') + opts.uri.slice(TWILIO_API.length)
      : opts.uri;
    return super.request({ ...opts, uri });
  }
}

const clients = new Map<string, ReturnType<typeof twilio>>();

function clientFor(settings: TwilioSettings) {
  const key = `${settings.accountSid} ${settings.apiUrl}`;
  let client = clients.get(key);
  if (!client) {
    client = twilio(settings.accountSid, settings.authToken, {
      httpClient: settings.apiUrl === TWILIO_API ? undefined : new ApiUrlClient(settings.apiUrl),
    });
    clients.set(key, client);
  }
  return client;
}

/** SMS and WhatsApp through Twilio's Messages API (the real `twilio` SDK). */
export function twilioTransport(settings: TwilioSettings): Transport {
  const client = clientFor(settings);
  return {
    name: 'twilio',
    isDev: false,
    async send(message) {
      const sender =
        message.channel === 'WHATSAPP'
          ? { from: `whatsapp:${settings.whatsappFrom ?? settings.fromNumber ?? ''}` }
          : settings.messagingServiceSid
            ? { messagingServiceSid: settings.messagingServiceSid }
            : { from: settings.fromNumber ?? '' };
      const to = message.channel === 'WHATSAPP' ? `whatsapp:${message.to}` : message.to;
      // Outside WhatsApp's 24-hour window only an approved template may open the conversation;
      // its variable 1 carries the message.
      const content =
        message.channel === 'WHATSAPP' &&
        message.outsideSessionWindow &&
        settings.whatsappTemplateSid
          ? {
              contentSid: settings.whatsappTemplateSid,
              contentVariables: JSON.stringify({ 1: message.body }),
            }
          : { body: message.body };
      const created = await client.messages.create({
        to,
        ...sender,
        ...content,
        statusCallback: settings.statusCallback,
      });
      return { providerMessageId: created.sid };
    },
  };
}
