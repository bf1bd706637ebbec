import { and, eq } from 'drizzle-orm';
import { getDb } from '@/lib/server/db/client';
import { calendarConnections } from '@/lib/server/db/schema/calendars';
import { baseUrl } from './api';

/**
 * A page or redirect of the app, as a browser sees it (redirects not followed); `base` names
 * another app than the suite's (a child process).
 */
export async function visit(path: string, init: RequestInit = {}, base?: string) {
  const res = await fetch(`${base ?? (await baseUrl())}${path}`, { redirect: 'manual', ...init });
  return { status: res.status, location: res.headers.get('location'), res, text: await res.text() };
}

/** Starts the connect flow from an invite: the provider's consent URL and the browser's cookie. */
export async function startConnect(
  provider: 'google' | 'microsoft',
  token: string,
  base?: string,
): Promise<{ status: number; consentUrl: string; cookie: string }> {
  const started = await visit(`/connect/${provider}?invite=${token}`, {}, base);
  const cookie = started.res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  return { status: started.status, consentUrl: started.location ?? '', cookie };
}

/** The path of an absolute link of the app. */
export const localPath = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

/** The token of a `/connect/invite/{token}` link. */
export const tokenOfLink = (url: string) => url.split('/connect/invite/')[1]!;

/** Every stored calendar connection of a person (live or revoked). */
export async function connectionsOf(organizationId: string, email: string) {
  return getDb()
    .select()
    .from(calendarConnections)
    .where(
      and(
        eq(calendarConnections.organizationId, organizationId),
        eq(calendarConnections.email, email),
      ),
    );
}
