import 'server-only';
import { env } from '@/lib/env';
import { verifyConnectState, newConnectState } from '@/lib/server/calendar/connect-state';
import { isDevCalendarOffered } from '@/lib/server/calendar/dev/dev-offer';
import {
  claimInvite,
  createCalendarInvite,
  findOpenInvite,
  findOpenInviteById,
  SESSION_INVITE_TTL_MS,
  type OpenInvite,
} from '@/lib/server/calendar/invites';
import { providerFor } from '@/lib/server/calendar/providers';
import type { Db } from '@/lib/server/db/client';
import type { CalendarProviderName } from '@/lib/server/db/schema/calendars';
import { log } from '@/lib/server/log';
import { ensureUserCalendar } from './ensure-user-calendars';
import { storeConnection } from './store-connection';

type RealProvider = Exclude<CalendarProviderName, 'DEV'>;

/** Why a connection did not happen; each has its own wording on the failure page. */
export type ConnectFailure =
  | 'denied'
  | 'provider_error'
  | 'invalid'
  | 'expired'
  | 'used'
  | 'exchange'
  | 'unconfigured'
  | 'unavailable';

export type ConnectOutcome =
  | { ok: true; provider: CalendarProviderName; organizationName: string }
  | { ok: false; reason: ConnectFailure };

export function redirectUriOf(provider: RealProvider): string {
  return `${env().APP_URL}/connect/${provider.toLowerCase()}/callback`;
}

/** The open invite of a connect link, or null. */
export function openInvite(db: Db, params: { token: string; now: Date }) {
  return findOpenInvite(db, params);
}

/**
 * "Connect my calendar" from the dashboard: a short-lived invite for the signed-in member's own
 * address, so the OAuth state is bound to something the callback can claim once.
 */
export async function sessionInvite(
  db: Db,
  params: {
    member: { organizationId: string; email: string; name: string | null };
    now: Date;
  },
): Promise<OpenInvite> {
  const { member, now } = params;
  const userCalendar = await ensureUserCalendar(db, {
    organizationId: member.organizationId,
    email: member.email,
    name: member.name ?? member.email,
    now,
  });
  const created = await createCalendarInvite(db, {
    organizationId: member.organizationId,
    userCalendarId: userCalendar.id,
    ttlMs: SESSION_INVITE_TTL_MS,
    now,
  });
  return (await findOpenInvite(db, { token: created.token, now }))!;
}

/** The provider's consent page for `invite`, and the nonce the browser's cookie must carry. */
export async function startConnection(params: {
  provider: RealProvider;
  invite: OpenInvite;
  now: Date;
}): Promise<{ ok: true; url: string; nonce: string } | { ok: false; reason: ConnectFailure }> {
  const provider = providerFor(params.provider);
  if (!provider.isConfigured()) return { ok: false, reason: 'unconfigured' };
  const { state, nonce } = newConnectState({
    organizationId: params.invite.invite.organizationId,
    inviteId: params.invite.invite.id,
    provider: params.provider,
    now: params.now,
  });
  try {
    const url = await provider.authorizeUrl({
      state,
      redirectUri: redirectUriOf(params.provider),
      loginHint: params.invite.userCalendar.email,
    });
    return { ok: true, url, nonce };
  } catch (error) {
    log.warn('calendar consent page unavailable', { provider: params.provider, error });
    return { ok: false, reason: 'unavailable' };
  }
}

/**
 * The provider's callback: refused consent, a state not signed here (or for another browser,
 * provider or time), an invite already used, or a code the provider refuses all end in a failure
 * with nothing stored. Otherwise the connection is stored for the invited person.
 */
export async function finishConnection(
  db: Db,
  params: {
    provider: RealProvider;
    query: { code: string | null; state: string | null; error: string | null };
    cookieNonce: string | undefined;
    now: Date;
  },
): Promise<ConnectOutcome> {
  const { query, now } = params;
  if (query.error) {
    return { ok: false, reason: query.error === 'access_denied' ? 'denied' : 'provider_error' };
  }
  const check = verifyConnectState({
    state: query.state,
    cookieNonce: params.cookieNonce,
    provider: params.provider,
    now,
  });
  if (!check.ok) return { ok: false, reason: check.reason };
  if (!query.code) return { ok: false, reason: 'invalid' };
  const scope = { organizationId: check.state.organizationId, inviteId: check.state.inviteId };
  const invite = await findOpenInviteById(db, { ...scope, now });
  if (!invite) return { ok: false, reason: 'used' };
  let account;
  try {
    // Outside any transaction: a provider call (DESIGN §1).
    account = await providerFor(params.provider).exchangeCode({
      code: query.code,
      redirectUri: redirectUriOf(params.provider),
    });
  } catch (error) {
    log.warn('calendar code exchange failed', { provider: params.provider, error });
    return { ok: false, reason: 'exchange' };
  }
  const stored = await db.transaction(async (tx) => {
    if (!(await claimInvite(tx, { ...scope, now }))) return false;
    await storeConnection(tx, {
      organizationId: scope.organizationId,
      email: invite.userCalendar.email,
      provider: params.provider,
      accountEmail: account.email.toLowerCase(),
      credentials: account.credentials,
      now,
    });
    return true;
  });
  if (!stored) return { ok: false, reason: 'used' };
  return { ok: true, provider: params.provider, organizationName: invite.organizationName };
}

/** The development calendar, from a connect link (only where it is offered). */
export async function connectDevCalendar(
  db: Db,
  params: { token: string; now: Date },
): Promise<ConnectOutcome> {
  if (!isDevCalendarOffered()) return { ok: false, reason: 'unconfigured' };
  const invite = await findOpenInvite(db, params);
  if (!invite) return { ok: false, reason: 'used' };
  const scope = { organizationId: invite.invite.organizationId, inviteId: invite.invite.id };
  const stored = await db.transaction(async (tx) => {
    if (!(await claimInvite(tx, { ...scope, now: params.now }))) return false;
    await storeDevConnection(tx, {
      organizationId: scope.organizationId,
      email: invite.userCalendar.email,
      now: params.now,
    });
    return true;
  });
  if (!stored) return { ok: false, reason: 'used' };
  return { ok: true, provider: 'DEV', organizationName: invite.organizationName };
}

/** The development calendar for someone (the signed-in member, the demo interviewer). */
export async function storeDevConnection(
  tx: Db,
  params: { organizationId: string; email: string; name?: string; now: Date },
) {
  await ensureUserCalendar(tx, {
    organizationId: params.organizationId,
    email: params.email,
    name: params.name ?? params.email,
    now: params.now,
  });
  return storeConnection(tx, {
    organizationId: params.organizationId,
    email: params.email,
    provider: 'DEV',
    accountEmail: null,
    credentials: null,
    now: params.now,
  });
}
