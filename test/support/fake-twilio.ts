import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server speaking Twilio's Messages API (`POST /2010-04-01/Accounts/{sid}/Messages.json`,
 * form-encoded, HTTP Basic with the account SID and auth token, JSON answers and error bodies as
 * api.twilio.com words them), and the other direction: inbound messages and delivery reports
 * posted to the app's webhooks, signed with `X-Twilio-Signature` as Twilio signs them.
 */
export type SentMessage = {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string | null;
  contentSid: string | null;
  contentVariables: string | null;
  statusCallback: string | null;
  /** When the API call arrived (Date.now()). */
  receivedAt: number;
};

export type FakeTwilio = {
  /** Called for every message the Messages API accepted. */
  onSent?: (message: SentMessage) => void;
  url: string;
  accountSid: string;
  authToken: string;
  fromNumber: string;
  sent: SentMessage[];
  /** Sent to `to` (E.164, or `whatsapp:+…`). */
  sentTo: (to: string) => SentMessage[];
  /** A candidate's message to the app, signed (or signed with `signWith` to forge it). */
  inbound: (
    appUrl: string,
    message: { from: string; body: string; sid?: string; to?: string },
    signWith?: string,
  ) => Promise<{ status: number; text: string; sid: string }>;
  /** Twilio's delivery report of a message it accepted. */
  status: (
    appUrl: string,
    report: { sid: string; status: string; errorCode?: string },
  ) => Promise<{ status: number }>;
  close: () => Promise<void>;
};

const rfc2822 = (d: Date) => d.toUTCString().replace('GMT', '+0000');

/** Twilio's signature: HMAC-SHA1 of the URL followed by each sorted parameter name and value. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>) {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

export async function startFakeTwilio(): Promise<FakeTwilio> {
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const fromNumber = '+14155550100';
  const sent: SentMessage[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(json));
      };
      const error = (status: number, code: number, message: string) =>
        answer(status, {
          code,
          message,
          more_info: `https://www.twilio.com/docs/errors/${code}`,
          status,
        });
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
      if (!match || req.method !== 'POST')
        return error(404, 20404, 'The requested resource was not found');
      const [user, pass] = Buffer.from(
        (req.headers.authorization ?? '').replace(/^Basic /, ''),
        'base64',
      )
        .toString('utf8')
        .split(':');
      if (user !== accountSid || pass !== authToken || match[1] !== accountSid)
        return error(401, 20003, 'Authenticate');
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const to = form.get('To');
      if (!to) return error(400, 21604, "A 'To' phone number is required.");
      if (!form.get('From') && !form.get('MessagingServiceSid'))
        return error(400, 21603, "A 'From' phone number is required.");
      if (!form.get('Body') && !form.get('ContentSid'))
        return error(400, 21602, 'Message body is required.');
      const message: SentMessage = {
        sid: `SM${randomBytes(16).toString('hex')}`,
        to,
        from: form.get('From'),
        messagingServiceSid: form.get('MessagingServiceSid'),
        body: form.get('Body'),
        contentSid: form.get('ContentSid'),
        contentVariables: form.get('ContentVariables'),
        statusCallback: form.get('StatusCallback'),
        receivedAt: Date.now(),
      };
      sent.push(message);
      fake.onSent?.(message);
      const now = rfc2822(new Date());
      answer(201, {
        account_sid: accountSid,
        api_version: '2010-04-01',
        body: message.body ?? '',
        date_created: now,
        date_sent: null,
        date_updated: now,
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        from: message.from,
        messaging_service_sid: message.messagingServiceSid,
        num_media: '0',
        num_segments: '1',
        price: null,
        price_unit: 'USD',
        sid: message.sid,
        status: 'queued',
        subresource_uris: {
          media: `/2010-04-01/Accounts/${accountSid}/Messages/${message.sid}/Media.json`,
        },
        to: message.to,
        uri: `/2010-04-01/Accounts/${accountSid}/Messages/${message.sid}.json`,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function post(appUrl: string, path: string, params: Record<string, string>, token: string) {
    const target = `${appUrl}${path}`;
    const res = await fetch(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature(token, target, params),
        'user-agent': 'TwilioProxy/1.1',
      },
      body: new URLSearchParams(params).toString(),
    });
    return { status: res.status, text: await res.text() };
  }

  const fake: FakeTwilio = {
    url,
    accountSid,
    authToken,
    fromNumber,
    sent,
    sentTo: (to) => sent.filter((m) => m.to === to),
    async inbound(appUrl, message, signWith) {
      const sid = message.sid ?? `SM${randomBytes(16).toString('hex')}`;
      const whatsapp = message.from.startsWith('whatsapp:');
      const params: Record<string, string> = {
        ToCountry: 'US',
        ToState: 'CA',
        SmsMessageSid: sid,
        NumMedia: '0',
        ToCity: 'SAN FRANCISCO',
        FromZip: '',
        SmsSid: sid,
        FromState: '',
        SmsStatus: 'received',
        FromCity: '',
        Body: message.body,
        FromCountry: 'US',
        To: message.to ?? (whatsapp ? `whatsapp:${fromNumber}` : fromNumber),
        ToZip: '94105',
        NumSegments: '1',
        MessageSid: sid,
        AccountSid: accountSid,
        From: message.from,
        ApiVersion: '2010-04-01',
      };
      return {
        ...(await post(appUrl, '/webhooks/twilio/messages', params, signWith ?? authToken)),
        sid,
      };
    },
    async status(appUrl, report) {
      const message = sent.find((m) => m.sid === report.sid);
      const params: Record<string, string> = {
        SmsSid: report.sid,
        SmsStatus: report.status,
        MessageStatus: report.status,
        To: message?.to ?? '',
        MessageSid: report.sid,
        AccountSid: accountSid,
        From: message?.from ?? fromNumber,
        ApiVersion: '2010-04-01',
        ...(report.errorCode ? { ErrorCode: report.errorCode } : {}),
      };
      const { status } = await post(appUrl, '/webhooks/twilio/status', params, authToken);
      return { status };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return fake;
}
