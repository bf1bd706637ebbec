import 'server-only';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { fromZonedTime } from 'date-fns-tz';
import { DomainError, invalid, notFound } from '@/lib/domain/errors';
import { findLiveConnections, type ConnectionRow } from '@/lib/server/calendar/connections';
import type { Db } from '@/lib/server/db/client';
import { devCalendarBusy } from '@/lib/server/db/schema/calendars';
import { newId } from '@/lib/server/ids';
import { enqueueJob } from '@/lib/server/jobs/enqueue';
import { requireUserCalendar } from './list-user-calendars';

export type DevBusyRow = typeof devCalendarBusy.$inferSelect;

const DAY = 86_400_000;
/** One hand-typed busy period spans at most this. */
const MAX_SPAN_MS = 31 * DAY;

/** Busy periods of development calendars that have not ended yet, by connection id. */
export async function listDevBusy(
  db: Db,
  params: { organizationId: string; connectionIds: string[]; now: Date },
): Promise<Map<string, DevBusyRow[]>> {
  const out = new Map<string, DevBusyRow[]>();
  if (params.connectionIds.length === 0) return out;
  const rows = await db
    .select()
    .from(devCalendarBusy)
    .where(
      and(
        eq(devCalendarBusy.organizationId, params.organizationId),
        inArray(devCalendarBusy.connectionId, params.connectionIds),
        gt(devCalendarBusy.endAt, params.now),
      ),
    )
    .orderBy(asc(devCalendarBusy.startAt))
    .limit(500);
  for (const row of rows) out.set(row.connectionId, [...(out.get(row.connectionId) ?? []), row]);
  return out;
}

async function requireDevConnection(
  db: Db,
  params: { organizationId: string; userCalendarId: string },
): Promise<ConnectionRow> {
  const person = await requireUserCalendar(db, {
    organizationId: params.organizationId,
    id: params.userCalendarId,
  });
  const connection = (
    await findLiveConnections(db, { organizationId: params.organizationId, emails: [person.email] })
  ).get(person.email);
  if (connection?.provider !== 'DEV') {
    throw new DomainError('conflict', `${person.name} has no development calendar connected.`);
  }
  return connection;
}

/**
 * A busy period typed into a development calendar: wall-clock start and end in `timezone`
 * (`YYYY-MM-DDTHH:mm`). Conversations sharing the person look for times again.
 */
export async function addDevBusy(
  db: Db,
  params: {
    organizationId: string;
    userCalendarId: string;
    start: string;
    end: string;
    timezone: string;
    label: string | null;
    now: Date;
  },
): Promise<DevBusyRow> {
  const connection = await requireDevConnection(db, params);
  const start = fromZonedTime(`${params.start}:00`, params.timezone);
  const end = fromZonedTime(`${params.end}:00`, params.timezone);
  if (Number.isNaN(start.getTime())) throw invalid('start', 'is not a real date and time');
  if (Number.isNaN(end.getTime())) throw invalid('end', 'is not a real date and time');
  if (end <= start) throw invalid('end', 'must be after the start');
  if (end.getTime() - start.getTime() > MAX_SPAN_MS)
    throw invalid('end', 'must be within 31 days of the start');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(devCalendarBusy)
      .values({
        id: newId(),
        organizationId: params.organizationId,
        connectionId: connection.id,
        startAt: start,
        endAt: end,
        label: params.label,
        createdAt: params.now,
      })
      .returning();
    await enqueueJob(tx, 'availability.refresh', {
      organizationId: params.organizationId,
      emails: [connection.email],
    });
    return row!;
  });
}

export async function removeDevBusy(
  db: Db,
  params: { organizationId: string; userCalendarId: string; busyId: string },
): Promise<void> {
  const connection = await requireDevConnection(db, params);
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(devCalendarBusy)
      .where(
        and(
          eq(devCalendarBusy.organizationId, params.organizationId),
          eq(devCalendarBusy.connectionId, connection.id),
          eq(devCalendarBusy.id, params.busyId),
        ),
      )
      .returning({ id: devCalendarBusy.id });
    if (removed.length === 0) throw notFound('Busy period');
    await enqueueJob(tx, 'availability.refresh', {
      organizationId: params.organizationId,
      emails: [connection.email],
    });
  });
}
