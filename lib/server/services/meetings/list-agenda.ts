import 'server-only';
import type { AgendaItem } from '@/lib/contracts/dashboard-meetings';
import type { Db } from '@/lib/server/db/client';
import { isDevelopmentRoom } from '@/lib/server/calendar/video';
import { findAgenda } from '@/lib/server/queries/dashboard-meetings';
import { fullName } from '@/lib/domain/people/full-name';

/** How many upcoming meetings the agenda shows. */
const AGENDA_SIZE = 200;

/** The organization's scheduled meetings not over yet, soonest first (the meetings page). */
export async function listAgenda(
  db: Db,
  params: { organizationId: string; now: Date },
): Promise<AgendaItem[]> {
  const rows = await findAgenda(db, { ...params, from: params.now, limit: AGENDA_SIZE });
  return rows.map((row) => ({
    id: row.id,
    conversationId: row.conversationId,
    title: row.title,
    candidate: fullName(row),
    start: row.startAt.toISOString(),
    end: row.endAt.toISOString(),
    timezone: row.timezone,
    place: row.location,
    meetingUrl: row.meetingUrl,
    isDevelopmentRoom: isDevelopmentRoom(row.meetingUrl),
    interviewers: row.interviewers,
  }));
}
