import { and, eq } from 'drizzle-orm';
import { getDb } from '@/lib/server/db/client';
import { calendarConnections } from '@/lib/server/db/schema/calendars';
import { baseUrl } from './api';

/** A page or redirect of the app, as a browser sees it (redirects not followed). */
export async function visit(path: string, init: RequestInit = {}) {
  const res = await fetch(`${await baseUrl()}${path}`, { redirect: 'manual', ...init });
  return { status: res.status, location: res.headers.get('location'), res, text: await res.text() };
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
