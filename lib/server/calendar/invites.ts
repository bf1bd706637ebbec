import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { env } from '@/lib/env';
import type { Db } from '@/lib/server/db/client';
import { calendarInvites, userCalendars } from '@/lib/server/db/schema/calendars';
import { organizations } from '@/lib/server/db/schema/organizations';
import { newId, newToken } from '@/lib/server/ids';

const DAY = 86_400_000;
/** An emailed invite or reconnect link works this long. */
export const INVITE_TTL_MS = 14 * DAY;
/** A connection started from the dashboard must finish within this. */
export const SESSION_INVITE_TTL_MS = 30 * 60_000;

export type InviteRow = typeof calendarInvites.$inferSelect;
export type UserCalendarRow = typeof userCalendars.$inferSelect;

/** What a connect link stands for: the person, their organization, and the link itself. */
export type OpenInvite = {
  invite: InviteRow;
  userCalendar: UserCalendarRow;
  organizationName: string;
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function connectUrlOf(token: string): string {
  return `${env().APP_URL}/connect/invite/${token}`;
}

/** A new link for the person of `userCalendarId`; the token exists only in the returned URL. */
export async function createCalendarInvite(
  db: Db,
  params: { organizationId: string; userCalendarId: string; now: Date; ttlMs?: number },
): Promise<{ id: string; token: string; connectUrl: string }> {
  const token = newToken();
  const id = newId();
  await db.insert(calendarInvites).values({
    id,
    organizationId: params.organizationId,
    userCalendarId: params.userCalendarId,
    tokenHash: hashToken(token),
    expiresAt: new Date(params.now.getTime() + (params.ttlMs ?? INVITE_TTL_MS)),
    createdAt: params.now,
  });
  return { id, token, connectUrl: connectUrlOf(token) };
}

/** The unused, unexpired invite of a link token, or null (unknown, used, expired: all alike). */
export async function findOpenInvite(
  db: Db,
  params: { token: string; now: Date },
): Promise<OpenInvite | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(params.token)) return null;
  return findOpen(db, eq(calendarInvites.tokenHash, hashToken(params.token)), params.now);
}

/** The unused, unexpired invite with this id in the organization (the OAuth state names it). */
export async function findOpenInviteById(
  db: Db,
  params: { organizationId: string; inviteId: string; now: Date },
): Promise<OpenInvite | null> {
  return findOpen(
    db,
    and(
      eq(calendarInvites.organizationId, params.organizationId),
      eq(calendarInvites.id, params.inviteId),
    )!,
    params.now,
  );
}

async function findOpen(
  db: Db,
  where: ReturnType<typeof eq>,
  now: Date,
): Promise<OpenInvite | null> {
  const [row] = await db
    .select({
      invite: calendarInvites,
      userCalendar: userCalendars,
      organizationName: organizations.name,
    })
    .from(calendarInvites)
    .innerJoin(
      userCalendars,
      and(
        eq(userCalendars.id, calendarInvites.userCalendarId),
        eq(userCalendars.organizationId, calendarInvites.organizationId),
      ),
    )
    .innerJoin(organizations, eq(organizations.id, calendarInvites.organizationId))
    .where(and(where, isNull(calendarInvites.usedAt), gt(calendarInvites.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** Marks the invite used; false when another request used it first (a replayed callback). */
export async function claimInvite(
  db: Db,
  params: { organizationId: string; inviteId: string; now: Date },
): Promise<boolean> {
  const claimed = await db
    .update(calendarInvites)
    .set({ usedAt: params.now })
    .where(
      and(
        eq(calendarInvites.organizationId, params.organizationId),
        eq(calendarInvites.id, params.inviteId),
        isNull(calendarInvites.usedAt),
        gt(calendarInvites.expiresAt, params.now),
      ),
    )
    .returning({ id: calendarInvites.id });
  return claimed.length > 0;
}
