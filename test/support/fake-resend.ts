import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server speaking Resend's API as the `resend` SDK uses it: `POST /emails` (Bearer key,
 * snake_case JSON, `{ id }` back) and the receiving API `GET /emails/receiving/{id}`; and the
 * other direction, the `email.received` webhook posted to the app, signed the Svix way
 * (`svix-id`, `svix-timestamp`, `svix-signature: v1,<base64 HMAC-SHA256>`), as Resend signs it.
 */
export type SentEmail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  replyTo: string | string[] | null;
  headers: Record<string, string>;
};

type Received = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string | null;
  html: string | null;
  headers: Record<string, string>;
  messageId: string;
};

export type FakeResend = {
  url: string;
  apiKey: string;
  /** `whsec_…`: what the app is configured with. */
  webhookSecret: string;
  sent: SentEmail[];
  /** Stores an inbound email for the receiving API and posts `email.received` to the app. */
  deliver: (
    appUrl: string,
    email: Omit<Received, 'id' | 'messageId' | 'html'> & { html?: string | null },
    options?: { signWith?: string },
  ) => Promise<{ status: number; body: unknown }>;
  close: () => Promise<void>;
};

export function svixSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export async function startFakeResend(): Promise<FakeResend> {
  const apiKey = `re_${randomBytes(12).toString('hex')}`;
  const webhookSecret = `whsec_${randomBytes(24).toString('base64')}`;
  const sent: SentEmail[] = [];
  const received = new Map<string, Received>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (req.headers.authorization !== `Bearer ${apiKey}`)
        return send(401, { statusCode: 401, name: 'missing_api_key', message: 'Missing API key' });
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      if (req.method === 'POST' && path === '/emails') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        const text = (value: unknown) => (typeof value === 'string' ? value : '');
        const email: SentEmail = {
          id: randomUUID(),
          from: text(body.from),
          to: body.to as string[],
          subject: text(body.subject),
          text: text(body.text),
          replyTo: (body.reply_to as string | string[] | undefined) ?? null,
          headers: (body.headers as Record<string, string> | undefined) ?? {},
        };
        sent.push(email);
        return send(200, { id: email.id });
      }
      const receiving = /^\/emails\/receiving\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && receiving) {
        const email = received.get(receiving[1]!);
        if (!email)
          return send(404, { statusCode: 404, name: 'not_found', message: 'Email not found' });
        return send(200, {
          object: 'email',
          id: email.id,
          to: email.to,
          from: email.from,
          created_at: new Date().toISOString(),
          subject: email.subject,
          bcc: null,
          cc: null,
          reply_to: null,
          received_for: email.to,
          html: email.html,
          text: email.text,
          headers: { 'message-id': email.messageId, ...email.headers },
          message_id: email.messageId,
          raw: null,
          attachments: [],
        });
      }
      send(404, { statusCode: 404, name: 'not_found', message: 'Route not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    apiKey,
    webhookSecret,
    sent,
    async deliver(appUrl, email, options = {}) {
      const stored: Received = {
        ...email,
        html: email.html ?? null,
        id: randomUUID(),
        messageId: `<${randomBytes(8).toString('hex')}@mail.example.com>`,
      };
      received.set(stored.id, stored);
      const body = JSON.stringify({
        type: 'email.received',
        created_at: new Date().toISOString(),
        data: {
          email_id: stored.id,
          created_at: new Date().toISOString(),
          from: stored.from,
          to: stored.to,
          bcc: [],
          cc: [],
          received_for: stored.to,
          message_id: stored.messageId,
          subject: stored.subject,
          attachments: [],
        },
      });
      const id = `msg_${randomBytes(10).toString('hex')}`;
      const timestamp = String(Math.floor(Date.now() / 1000));
      const res = await fetch(`${appUrl}/webhooks/resend`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'svix-id': id,
          'svix-timestamp': timestamp,
          'svix-signature': svixSignature(options.signWith ?? webhookSecret, id, timestamp, body),
        },
        body,
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
