import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Standard Webhooks (https://www.standardwebhooks.com) signing, as DESIGN §5 fixes it. */

const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;
const DEFAULT_TOLERANCE_SECONDS = 300;
const HMAC_BYTES = 32;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// A header value may not carry whitespace or control characters; ids are `evt_…` in practice.
const MESSAGE_ID = /^[\x21-\x7E]{1,256}$/;
const UNIX_SECONDS = /^\d{1,12}$/;
// Bounds the work one request can cause; rotation needs two, the standard has no upper limit.
const MAX_SIGNATURES = 10;

export type SignArgs = {
  secret: string;
  id: string;
  /** Unix seconds. */
  timestamp: number;
  /** The exact bytes sent, as a string; re-serialising JSON would break the signature. */
  body: string;
};

export type HeaderArgs = Omit<SignArgs, 'secret'> & {
  /** One signature per secret, so receivers keep verifying during a rotation's grace period. */
  secrets: string[];
};

export type HeaderSource = Record<string, string | undefined> | Headers;

export type VerifyArgs = {
  secret: string;
  headers: HeaderSource;
  body: string;
  /** Unix seconds. */
  now: number;
  /** Accepted distance of `webhook-timestamp` from `now`, either way; default 300. */
  toleranceSeconds?: number;
};

/** `whsec_` + base64 of 32 random bytes; shown to the integrator once. */
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

/** `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`. Throws on a malformed secret or id. */
export function signWebhook(args: SignArgs): string {
  assertSignable(args.id, args.timestamp);
  return `v1,${computeHmac(decodeSecret(args.secret), args).toString('base64')}`;
}

/** The headers of one delivery attempt: `webhook-id`, `webhook-timestamp`, `webhook-signature`. */
export function webhookHeaders(args: HeaderArgs): Record<string, string> {
  if (args.secrets.length === 0) throw new TypeError('webhookHeaders needs at least one secret');
  const signatures = args.secrets.map((secret) => signWebhook({ ...args, secret }));
  return {
    'webhook-id': args.id,
    'webhook-timestamp': String(args.timestamp),
    'webhook-signature': [...new Set(signatures)].join(' '),
    'content-type': 'application/json',
  };
}

/**
 * True when the timestamp is within tolerance of `now` and any `v1` signature in the header was
 * made with `secret`. Malformed or missing headers give false; only a malformed `secret` (our own
 * configuration) throws.
 */
export function verifyWebhook(args: VerifyArgs): boolean {
  const key = decodeSecret(args.secret);
  const id = readHeader(args.headers, 'webhook-id');
  const timestampText = readHeader(args.headers, 'webhook-timestamp');
  const signatureHeader = readHeader(args.headers, 'webhook-signature');
  if (!id || !timestampText || !signatureHeader) return false;
  if (!MESSAGE_ID.test(id) || !UNIX_SECONDS.test(timestampText)) return false;

  const timestamp = Number(timestampText);
  const tolerance = args.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  // Written as "not within" so a NaN `now` or tolerance refuses instead of accepting.
  if (!(Math.abs(args.now - timestamp) <= tolerance)) return false;

  const expected = computeHmac(key, { id, timestamp, body: args.body });
  return readV1Signatures(signatureHeader).some((candidate) =>
    timingSafeEqual(candidate, expected),
  );
}

function computeHmac(key: Buffer, message: Omit<SignArgs, 'secret'>): Buffer {
  return createHmac('sha256', key)
    .update(`${message.id}.${message.timestamp}.${message.body}`, 'utf8')
    .digest();
}

// Strict decoding: Buffer.from(…, 'base64') skips invalid characters silently, which would let a
// mistyped secret sign with a different key than the one the integrator holds.
function decodeSecret(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : null;
  if (encoded === null || !encoded || !BASE64.test(encoded)) {
    throw new TypeError('Webhook secret must be whsec_ followed by base64');
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
    throw new TypeError(`Webhook secret must decode to ${MIN_KEY_BYTES}–${MAX_KEY_BYTES} bytes`);
  }
  return key;
}

function assertSignable(id: string, timestamp: number): void {
  if (!MESSAGE_ID.test(id))
    throw new TypeError('Webhook id must be 1–256 visible ASCII characters');
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new TypeError('Webhook timestamp must be a non-negative integer of Unix seconds');
  }
}

/** Decoded `v1` signatures of the right length; other versions and garbage are skipped. */
function readV1Signatures(header: string): Buffer[] {
  const signatures: Buffer[] = [];
  for (const entry of header.trim().split(/\s+/).slice(0, MAX_SIGNATURES)) {
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== 'v1') continue;
    const encoded = entry.slice(comma + 1);
    if (!BASE64.test(encoded)) continue;
    const bytes = Buffer.from(encoded, 'base64');
    // timingSafeEqual throws on a length mismatch, so this check is what keeps verify total.
    if (bytes.length === HMAC_BYTES) signatures.push(bytes);
  }
  return signatures;
}

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (isHeaders(headers)) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && typeof value === 'string') return value;
  }
  return undefined;
}

// Duck-typed: Next's request headers behave like Headers without always being this realm's class.
function isHeaders(headers: HeaderSource): headers is Headers {
  return typeof headers.get === 'function';
}
