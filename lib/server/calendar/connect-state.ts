import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isId } from '@/lib/contracts/common';
import { env } from '@/lib/env';
import type { CalendarProviderName } from '@/lib/server/db/schema/calendars';
import { newToken } from '@/lib/server/ids';

/**
 * The OAuth `state` of a calendar connection: which invite it completes, for which provider, until
 * when, and a nonce that must equal the one in this browser's cookie (so a state cannot be
 * finished in another browser). Signed with HMAC-SHA256 under a key derived from
 * NEXTAUTH_SECRET; single use comes from the invite, which the callback claims once.
 */
export type ConnectState = {
  organizationId: string;
  inviteId: string;
  provider: Exclude<CalendarProviderName, 'DEV'>;
  nonce: string;
  /** Epoch ms. */
  expiresAt: number;
};

export const CONNECT_COOKIE = 'parley_connect';
/** Consent must be given within this. */
export const STATE_TTL_MS = 15 * 60_000;

function key(): Buffer {
  return createHmac('sha256', env().NEXTAUTH_SECRET)
    .update('parley calendar connect state')
    .digest();
}

function sign(payload: string): string {
  return createHmac('sha256', key()).update(payload).digest('base64url');
}

export function newConnectState(
  params: Omit<ConnectState, 'nonce' | 'expiresAt'> & { now: Date },
): { state: string; nonce: string } {
  const nonce = newToken(128);
  const body: ConnectState = {
    organizationId: params.organizationId,
    inviteId: params.inviteId,
    provider: params.provider,
    nonce,
    expiresAt: params.now.getTime() + STATE_TTL_MS,
  };
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return { state: `${payload}.${sign(payload)}`, nonce };
}

export type StateCheck =
  { ok: true; state: ConnectState } | { ok: false; reason: 'invalid' | 'expired' };

/** Whether `state` was signed here, is for `provider`, is in time, and matches the cookie's nonce. */
export function verifyConnectState(params: {
  state: string | null;
  cookieNonce: string | undefined;
  provider: Exclude<CalendarProviderName, 'DEV'>;
  now: Date;
}): StateCheck {
  const [payload, signature, extra] = (params.state ?? '').split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'invalid' };
  }
  let body: ConnectState;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as ConnectState;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (
    body.provider !== params.provider ||
    !isId(String(body.organizationId)) ||
    !isId(String(body.inviteId)) ||
    typeof body.nonce !== 'string' ||
    !params.cookieNonce ||
    !safeEqual(body.nonce, params.cookieNonce)
  ) {
    return { ok: false, reason: 'invalid' };
  }
  if (!(body.expiresAt > params.now.getTime())) return { ok: false, reason: 'expired' };
  return { ok: true, state: body };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
