import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { meetingAttendees, meetings } from '@/lib/server/db/schema/meetings';

export type MeetingRow = typeof meetings.$inferSelect;
export type AttendeeRow = typeof meetingAttendees.$inferSelect;
export type MeetingWithAttendees = MeetingRow & { attendees: AttendeeRow[] };

async function withAttendees(
  db: Db,
  row: MeetingRow | undefined,
): Promise<MeetingWithAttendees | undefined> {
  if (!row) return undefined;
  const attendees = await db
    .select()
    .from(meetingAttendees)
    .where(eq(meetingAttendees.meetingId, row.id))
    .orderBy(
      desc(meetingAttendees.isOrganizer),
      asc(meetingAttendees.role),
      asc(meetingAttendees.email),
    );
  return { ...row, attendees };
}

export async function findMeeting(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<MeetingWithAttendees | undefined> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.organizationId, params.organizationId), eq(meetings.id, params.id)))
    .limit(1);
  return withAttendees(db, row);
}

/** The conversation's scheduled meeting, else the one cancelled last. */
export async function findLatestMeeting(
  db: Db,
  params: { organizationId: string; conversationId: string },
): Promise<MeetingWithAttendees | undefined> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.organizationId, params.organizationId),
        eq(meetings.conversationId, params.conversationId),
      ),
    )
    .orderBy(desc(meetings.status), desc(meetings.updatedAt))
    .limit(1);
  return withAttendees(db, row);
}
