import 'server-only';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { conversations } from '@/lib/server/db/schema/conversations';
import { meetingAttendees, meetings } from '@/lib/server/db/schema/meetings';

/** Scheduled meetings from `from` on, soonest first, with their candidate and interviewers. */
export async function findAgenda(
  db: Db,
  params: { organizationId: string; from: Date; limit: number },
) {
  const rows = await db
    .select({
      id: meetings.id,
      conversationId: meetings.conversationId,
      title: meetings.title,
      startAt: meetings.startAt,
      endAt: meetings.endAt,
      timezone: meetings.timezone,
      meetingUrl: meetings.meetingUrl,
      location: meetings.location,
      firstName: conversations.firstName,
      lastName: conversations.lastName,
    })
    .from(meetings)
    .innerJoin(conversations, eq(conversations.id, meetings.conversationId))
    .where(
      and(
        eq(meetings.organizationId, params.organizationId),
        eq(meetings.status, 'SCHEDULED'),
        gte(meetings.endAt, params.from),
      ),
    )
    .orderBy(asc(meetings.startAt), asc(meetings.id))
    .limit(params.limit);
  return withInterviewers(db, params.organizationId, rows);
}

/**
 * `rows` (meetings) each with the names of their interviewers, alphabetical, in one query for
 * all of them.
 */
export async function withInterviewers<T extends { id: string }>(
  db: Db,
  organizationId: string,
  rows: T[],
): Promise<(T & { interviewers: string[] })[]> {
  if (rows.length === 0) return [];
  const attendees = await db
    .select({ meetingId: meetingAttendees.meetingId, name: meetingAttendees.name })
    .from(meetingAttendees)
    .where(
      and(
        eq(meetingAttendees.organizationId, organizationId),
        inArray(
          meetingAttendees.meetingId,
          rows.map((r) => r.id),
        ),
        eq(meetingAttendees.role, 'INTERVIEWER'),
      ),
    )
    .orderBy(asc(meetingAttendees.name));
  const names = new Map<string, string[]>();
  for (const a of attendees) names.set(a.meetingId, [...(names.get(a.meetingId) ?? []), a.name]);
  return rows.map((row) => ({ ...row, interviewers: names.get(row.id) ?? [] }));
}
