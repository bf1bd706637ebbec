import 'server-only';
import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { devCalendarBusy } from '@/lib/server/db/schema/calendars';
import type { CalendarClient, CalendarEvent } from '../types';

/**
 * The development calendar (DESIGN §6): busy periods typed into the dashboard, and events that
 * exist only in Parley. It calls nobody, so a newcomer can try calendar-connected scheduling
 * offline; everything that shows it says what it is.
 */
export function devCalendarClient(
  db: Db,
  connection: { id: string; organizationId: string },
): CalendarClient {
  const event = (eventId: string): CalendarEvent => ({
    eventId,
    joinUrl: null,
    isLive: true,
    responses: {},
  });
  return {
    busy: async ({ start, end }) => {
      const rows = await db
        .select({ start: devCalendarBusy.startAt, end: devCalendarBusy.endAt })
        .from(devCalendarBusy)
        .where(
          and(
            eq(devCalendarBusy.organizationId, connection.organizationId),
            eq(devCalendarBusy.connectionId, connection.id),
            lt(devCalendarBusy.startAt, end),
            gt(devCalendarBusy.endAt, start),
          ),
        )
        .orderBy(asc(devCalendarBusy.startAt));
      return rows.map((r) => ({ start: r.start.getTime(), end: r.end.getTime() }));
    },
    createEvent: (input) => Promise.resolve(event(`dev-${input.key}`)),
    updateEvent: (eventId) => Promise.resolve(event(eventId)),
    cancelEvent: () => Promise.resolve(),
    getEvent: (eventId) => Promise.resolve(event(eventId)),
  };
}
