import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { currentMember } from '@/lib/server/auth/dashboard-session';
import { ensureBooted } from '@/lib/server/boot';
import { CONNECT_COOKIE, STATE_TTL_MS } from '@/lib/server/calendar/connect-state';
import { now as clockNow } from '@/lib/server/clock';
import { getDb } from '@/lib/server/db/client';
import type { CalendarProviderName } from '@/lib/server/db/schema/calendars';
import { log } from '@/lib/server/log';
import {
  connectDevCalendar,
  finishConnection,
  openInvite,
  sessionInvite,
  startConnection,
  type ConnectOutcome,
} from '@/lib/server/services/user-calendars/connect-flow';

type RealProvider = Exclude<CalendarProviderName, 'DEV'>;

/** The handlers of /connect/* (DESIGN §6): they parse, call the connect flow, and redirect. */

const page = (path: string) => `${env().APP_URL}${path}`;

function outcomePage(outcome: ConnectOutcome): string {
  return outcome.ok
    ? page(`/connect/done?provider=${outcome.provider.toLowerCase()}`)
    : page(`/connect/failed?reason=${outcome.reason}`);
}

function redirectTo(url: string, status = 303): NextResponse {
  const response = NextResponse.redirect(url, status);
  response.headers.set('cache-control', 'no-store');
  return response;
}

function failed(reason: string): NextResponse {
  return redirectTo(page(`/connect/failed?reason=${reason}`));
}

/** `GET /connect/{google|microsoft}[?invite=…]`: to the provider's consent page. */
export function connectStartRoute(provider: RealProvider) {
  return async (req: NextRequest): Promise<NextResponse> => {
    try {
      await ensureBooted();
      const db = getDb();
      const now = clockNow();
      const token = req.nextUrl.searchParams.get('invite');
      let invite;
      if (token !== null) {
        invite = await openInvite(db, { token, now });
        if (!invite) return failed('used');
      } else {
        const member = await currentMember();
        if (!member) {
          const back = `/connect/${provider.toLowerCase()}`;
          return redirectTo(page(`/signin?callbackUrl=${encodeURIComponent(back)}`));
        }
        invite = await sessionInvite(db, { member, now });
      }
      const started = await startConnection({ provider, invite, now });
      if (!started.ok) return failed(started.reason);
      const response = redirectTo(started.url, 302);
      response.cookies.set(CONNECT_COOKIE, started.nonce, {
        httpOnly: true,
        sameSite: 'lax',
        secure: env().APP_URL.startsWith('https:'),
        path: '/connect',
        maxAge: STATE_TTL_MS / 1000,
      });
      return response;
    } catch (error) {
      log.error('calendar connect start failed', { provider, error });
      return failed('unavailable');
    }
  };
}

/** `GET /connect/{google|microsoft}/callback`: stores the connection, or says why not. */
export function connectCallbackRoute(provider: RealProvider) {
  return async (req: NextRequest): Promise<NextResponse> => {
    let outcome: ConnectOutcome;
    try {
      await ensureBooted();
      const q = req.nextUrl.searchParams;
      outcome = await finishConnection(getDb(), {
        provider,
        query: { code: q.get('code'), state: q.get('state'), error: q.get('error') },
        cookieNonce: req.cookies.get(CONNECT_COOKIE)?.value,
        now: clockNow(),
      });
    } catch (error) {
      log.error('calendar connect callback failed', { provider, error });
      outcome = { ok: false, reason: 'unavailable' };
    }
    const response = redirectTo(outcomePage(outcome));
    // Whatever came of it, this browser's state is spent.
    response.cookies.set(CONNECT_COOKIE, '', { path: '/connect', maxAge: 0 });
    return response;
  };
}

/** `POST /connect/dev` (form field `invite`): the development calendar from a connect link. */
export async function connectDevRoute(req: NextRequest): Promise<NextResponse> {
  try {
    await ensureBooted();
    let token = '';
    if ((req.headers.get('content-type') ?? '').includes('form')) {
      const value = (await req.formData()).get('invite');
      token = typeof value === 'string' ? value : '';
    }
    return redirectTo(outcomePage(await connectDevCalendar(getDb(), { token, now: clockNow() })));
  } catch (error) {
    log.error('development calendar connect failed', { error });
    return failed('unavailable');
  }
}
