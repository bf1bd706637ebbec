import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { userCalendars } from '@/lib/server/db/schema/calendars';
import { newId } from '@/lib/server/ids';
import type { UserCalendarRow } from '@/lib/server/calendar/invites';

type Person = { email: string; name: string };

/**
 * One user calendar per participant email of the organization (DESIGN §3): made the first time a
 * person appears in a participant list; an existing one keeps its name.
 */
export async function ensureUserCalendars(
  db: Db,
  params: { organizationId: string; people: Person[]; now: Date },
): Promise<void> {
  const byEmail = new Map(params.people.map((p) => [p.email.toLowerCase(), p.name]));
  if (byEmail.size === 0) return;
  await db
    .insert(userCalendars)
    .values(
      [...byEmail].map(([email, name]) => ({
        id: newId(),
        organizationId: params.organizationId,
        email,
        name,
        createdAt: params.now,
        updatedAt: params.now,
      })),
    )
    .onConflictDoNothing({ target: [userCalendars.organizationId, userCalendars.email] });
}

/** The person's user calendar, made if missing; `rename` replaces a stored name (an invite's). */
export async function ensureUserCalendar(
  db: Db,
  params: { organizationId: string; email: string; name: string; rename?: boolean; now: Date },
): Promise<UserCalendarRow> {
  const email = params.email.toLowerCase();
  const [row] = await db
    .insert(userCalendars)
    .values({
      id: newId(),
      organizationId: params.organizationId,
      email,
      name: params.name,
      createdAt: params.now,
      updatedAt: params.now,
    })
    .onConflictDoUpdate({
      target: [userCalendars.organizationId, userCalendars.email],
      set: params.rename
        ? { name: params.name, updatedAt: params.now }
        : { name: sql`${userCalendars.name}` },
    })
    .returning();
  if (row) return row;
  const [found] = await db
    .select()
    .from(userCalendars)
    .where(
      and(eq(userCalendars.organizationId, params.organizationId), eq(userCalendars.email, email)),
    );
  return found!;
}
