import 'server-only';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { UserCalendar } from '@/lib/contracts/user-calendars';
import { notFound } from '@/lib/domain/errors';
import type { UserCalendarRow } from '@/lib/server/calendar/invites';
import type { Db } from '@/lib/server/db/client';
import { userCalendars } from '@/lib/server/db/schema/calendars';
import { decodeCursor, type Page, type PageParams } from '@/lib/server/queries/pagination';
import { toUserCalendars } from './to-user-calendar';

/** `GET /v1/user-calendars`: newest first, keyset-paged by id. */
export async function listUserCalendars(
  db: Db,
  params: PageParams & { organizationId: string },
): Promise<Page<UserCalendar>> {
  const after = decodeCursor(params.cursor);
  const rows = await db
    .select()
    .from(userCalendars)
    .where(
      and(
        eq(userCalendars.organizationId, params.organizationId),
        after ? lt(userCalendars.id, after) : undefined,
      ),
    )
    .orderBy(desc(userCalendars.id))
    .limit(params.limit + 1);
  const hasMore = rows.length > params.limit;
  const page = hasMore ? rows.slice(0, params.limit) : rows;
  const last = page[page.length - 1];
  return {
    data: await toUserCalendars(db, { organizationId: params.organizationId, rows: page }),
    nextCursor: hasMore && last ? Buffer.from(last.id, 'utf8').toString('base64url') : null,
  };
}

export async function requireUserCalendar(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<UserCalendarRow> {
  const [row] = await db
    .select()
    .from(userCalendars)
    .where(
      and(eq(userCalendars.organizationId, params.organizationId), eq(userCalendars.id, params.id)),
    )
    .limit(1);
  if (!row) throw notFound('User calendar');
  return row;
}

/** `GET /v1/user-calendars/{id}`. */
export async function getUserCalendar(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<UserCalendar> {
  const row = await requireUserCalendar(db, params);
  const [calendar] = await toUserCalendars(db, {
    organizationId: params.organizationId,
    rows: [row],
  });
  return calendar!;
}
