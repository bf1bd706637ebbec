import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { Resend } from 'resend';
import twilio from 'twilio';
import { z } from 'zod';
import { DomainError } from '@/lib/domain/errors';
import { emailFromParts, parseRawEmail } from '@/lib/domain/agent/email-message';
import { env } from '@/lib/env';
import { ensureBooted } from '@/lib/server/boot';
import { now as clockNow } from '@/lib/server/clock';
import { getDb } from '@/lib/server/db/client';
import { log } from '@/lib/server/log';
import {
  receiveEmail,
  receiveTextMessage,
  recordDeliveryStatus,
} from '@/lib/server/services/agent/inbound';
import { readRawBody } from './body';
import { toErrorResponse } from './errors';
import { toResponse } from './route';

/**
 * The provider webhooks of DESIGN §7: Twilio's inbound messages and delivery reports, Resend's
 * `email.received`, and raw RFC 822 from any other inbound provider. Each is verified before
 * anything is read or stored; a bad signature is 403 and stores nothing.
 */

const MAX_FORM_BYTES = 64 * 1024;
const MAX_EMAIL_BYTES = 10 * 1024 * 1024;

const forbidden = (message: string) => new DomainError('forbidden', message);
const notConfigured = (what: string) =>
  new DomainError('not_found', `${what} is not configured on this server.`);

/** Without NUL (PostgreSQL text cannot hold it) and at most 10,000 characters. */
const cleanText = (text: string) => text.replace(/\0/g, '').slice(0, 10_000);

function handle(
  name: string,
  run: (req: Request) => Promise<Response>,
): (req: Request) => Promise<Response> {
  return async (req) => {
    try {
      await ensureBooted();
      return await run(req);
    } catch (error) {
      if (!(error instanceof DomainError)) log.warn('inbound webhook failed', { name, error });
      return toResponse(toErrorResponse(error, `POST ${new URL(req.url).pathname}`));
    }
  };
}

/** The URL Twilio signed: the public one (APP_URL), whatever the proxy in front rewrote. */
function publicUrl(req: Request): string {
  const url = new URL(req.url);
  return `${env().APP_URL}${url.pathname}${url.search}`;
}

async function verifiedTwilioForm(req: Request): Promise<Record<string, string>> {
  const settings = env();
  if (!settings.TWILIO_AUTH_TOKEN) throw notConfigured('Twilio');
  const text = (await readRawBody(req, MAX_FORM_BYTES)).toString('utf8');
  const params = Object.fromEntries(new URLSearchParams(text));
  const signature = req.headers.get('x-twilio-signature') ?? '';
  if (
    !signature ||
    !twilio.validateRequest(settings.TWILIO_AUTH_TOKEN, signature, publicUrl(req), params)
  )
    throw forbidden('The X-Twilio-Signature header does not match this request.');
  if (settings.TWILIO_ACCOUNT_SID && params.AccountSid !== settings.TWILIO_ACCOUNT_SID)
    throw forbidden('The request is for another Twilio account.');
  return params;
}

const twiml = () =>
  new Response('<?xml version="1.0" encoding="UTF-8"?><Response></Response>', {
    status: 200,
    headers: { 'content-type': 'text/xml; charset=utf-8', 'cache-control': 'no-store' },
  });

const inboundSms = z.object({
  MessageSid: z.string().min(1).max(64),
  From: z.string().min(3).max(64),
  To: z.string().max(64).default(''),
  Body: z.string().default(''),
});

/** `POST /webhooks/twilio/messages`: a candidate's SMS or WhatsApp message. */
export const twilioMessagesRoute = handle('twilio.messages', async (req) => {
  const params = inboundSms.parse(await verifiedTwilioForm(req));
  const whatsapp = params.From.startsWith('whatsapp:');
  await receiveTextMessage(getDb(), {
    channel: whatsapp ? 'WHATSAPP' : 'SMS',
    from: params.From.replace(/^whatsapp:/, ''),
    to: params.To.replace(/^whatsapp:/, ''),
    body: cleanText(params.Body),
    providerMessageId: params.MessageSid,
    now: clockNow(),
  });
  // Replies go out through the Messages API (jobs), never as TwiML: one path for every send.
  return twiml();
});

const statusReport = z.object({
  MessageSid: z.string().min(1).max(64),
  MessageStatus: z.string().min(1).max(32),
  ErrorCode: z.string().max(16).optional(),
});

/** `POST /webhooks/twilio/status`: Twilio's delivery report of a message we sent. */
export const twilioStatusRoute = handle('twilio.status', async (req) => {
  const params = statusReport.parse(await verifiedTwilioForm(req));
  await recordDeliveryStatus(getDb(), {
    providerMessageId: params.MessageSid,
    status: params.MessageStatus,
    errorCode: params.ErrorCode ?? null,
    now: clockNow(),
  });
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
});

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** `POST /webhooks/email`: a raw RFC 822 reply, from any inbound email provider. */
export const rawEmailRoute = handle('email.raw', async (req) => {
  const secret = env().PARLEY_INBOUND_EMAIL_SECRET;
  if (!secret) throw notConfigured('Inbound email');
  const given = /^Bearer\s+(.+)$/i.exec(req.headers.get('authorization') ?? '')?.[1] ?? '';
  if (!sameSecret(given, secret)) throw forbidden('The bearer token is not this server’s.');
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  if (!type.startsWith('message/rfc822'))
    throw new DomainError('validation_error', 'content-type: must be message/rfc822', [
      { path: 'content-type', message: 'must be message/rfc822' },
    ]);
  const raw = (await readRawBody(req, MAX_EMAIL_BYTES)).toString('latin1');
  const email = parseRawEmail(raw);
  if (!email.from)
    throw new DomainError('validation_error', 'The message has no From address.', [
      { path: 'From', message: 'is required' },
    ]);
  const outcome = await receiveEmail(getDb(), {
    parsed: { ...email, text: cleanText(email.text) },
    transport: 'email',
    providerMessageId: email.messageId,
    now: clockNow(),
  });
  return toResponse({ status: 200, body: { status: outcome.status } });
});

const receivedEvent = z.object({
  type: z.string(),
  data: z.object({ email_id: z.string().min(1).max(128) }).loose(),
});

/**
 * `POST /webhooks/resend`: Resend's `email.received` (Svix-signed with RESEND_WEBHOOK_SECRET).
 * The event names the email; its text and headers are fetched through Resend's receiving API.
 */
export const resendRoute = handle('resend', async (req) => {
  const settings = env();
  if (!settings.RESEND_WEBHOOK_SECRET || !settings.RESEND_API_KEY) throw notConfigured('Resend');
  const payload = (await readRawBody(req, MAX_FORM_BYTES * 4)).toString('utf8');
  const resend = new Resend(
    settings.RESEND_API_KEY,
    settings.RESEND_BASE_URL ? { baseUrl: settings.RESEND_BASE_URL } : undefined,
  );
  let event: unknown;
  try {
    event = resend.webhooks.verify({
      payload,
      headers: {
        id: req.headers.get('svix-id') ?? '',
        timestamp: req.headers.get('svix-timestamp') ?? '',
        signature: req.headers.get('svix-signature') ?? '',
      },
      webhookSecret: settings.RESEND_WEBHOOK_SECRET,
    });
  } catch {
    throw forbidden('The Svix signature does not match this request.');
  }
  const parsed = receivedEvent.parse(event);
  if (parsed.type !== 'email.received')
    return toResponse({ status: 200, body: { status: 'IGNORED' } });
  const { data, error } = await resend.emails.receiving.get(parsed.data.email_id);
  // Resend could not be asked: a 5xx makes Resend deliver the event again later.
  if (error || !data) {
    log.warn('resend receiving API failed', { emailId: parsed.data.email_id, error });
    return toResponse({
      status: 502,
      body: {
        error: { code: 'upstream_error', message: 'Resend did not return the email; retry.' },
      },
    });
  }
  const email = emailFromParts({
    from: data.from,
    recipients: [...data.to, ...(data.cc ?? []), ...(data.received_for ?? [])],
    subject: data.subject,
    messageId: data.message_id,
    headers: data.headers ?? {},
    text: data.text,
    html: data.html,
  });
  const outcome = await receiveEmail(getDb(), {
    parsed: { ...email, text: cleanText(email.text) },
    transport: 'resend',
    providerMessageId: data.id,
    now: clockNow(),
  });
  return toResponse({ status: 200, body: { status: outcome.status } });
});
