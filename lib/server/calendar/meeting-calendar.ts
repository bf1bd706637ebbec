import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { MeetingConfiguration } from '@/lib/contracts/meeting';
import type { Db } from '@/lib/server/db/client';
import { meetingCalendarEvents } from '@/lib/server/db/schema/calendars';
import { enqueueJob } from '@/lib/server/jobs/enqueue';
import type { StoredParticipant } from '@/lib/server/queries/conversations';
import { findLiveConnections, type ConnectionRow } from './connections';
import { devRoomUrl, isLiveVideo } from './video';

export type MeetingCalendarRow = typeof meetingCalendarEvents.$inferSelect;

/** How long a booking waits for its calendar event before it is announced without it (DESIGN §5). */
export const ANNOUNCE_WITHOUT_EVENT_SECONDS = 120;

export type MeetingCalendarPlan = {
  /**
   * The organizer's connected Google or Microsoft calendar: it will hold the event (made by the
   * `meetings.sync` job after commit) and send the invitations. Null: Parley sends ICS invites.
   */
  connection: ConnectionRow | null;
  /** A link known at booking time: the development room when no real provider is configured. */
  meetingUrl: string | null;
};

/**
 * Where a new meeting's event and video room come from, decided inside the booking transaction
 * from stored data only (no provider is called there).
 */
export async function planMeetingCalendar(
  db: Db,
  params: {
    organizationId: string;
    meetingId: string;
    participants: StoredParticipant[];
    configuration: MeetingConfiguration;
  },
): Promise<MeetingCalendarPlan> {
  const { configuration } = params;
  const organizer = params.participants.find((p) => p.isOrganizer) ?? params.participants[0];
  const connections = organizer
    ? await findLiveConnections(db, {
        organizationId: params.organizationId,
        emails: [organizer.email],
      })
    : new Map<string, ConnectionRow>();
  const found = organizer ? connections.get(organizer.email) : undefined;
  // The development calendar sends nothing and holds nothing: Parley's own invites serve it. A
  // calendar that needs reconnecting cannot take the event either.
  const connection =
    found && found.provider !== 'DEV' && found.status === 'CONNECTED' ? found : null;
  const provider = configuration.videoConferencing ? configuration.videoConferencingProvider : null;
  return {
    connection,
    meetingUrl: provider && !isLiveVideo(provider) ? devRoomUrl(params.meetingId) : null,
  };
}

/**
 * Hands a new meeting to the organizer's calendar, in the booking transaction: the row the sync
 * job keeps, and the announcement that goes out after two minutes if the event is still missing.
 * (The sync job itself is queued by `announceMeetingChange`, like every later change.)
 */
export async function startCalendarSync(
  tx: Db,
  params: { organizationId: string; meetingId: string; connection: ConnectionRow; now: Date },
): Promise<void> {
  await tx.insert(meetingCalendarEvents).values({
    meetingId: params.meetingId,
    organizationId: params.organizationId,
    connectionId: params.connection.id,
    provider: params.connection.provider,
    updatedAt: params.now,
  });
  await enqueueJob(
    tx,
    'meetings.announce',
    { organizationId: params.organizationId, meetingId: params.meetingId },
    { startAfter: ANNOUNCE_WITHOUT_EVENT_SECONDS },
  );
}

/** The meeting's calendar-event row, when the organizer's calendar holds (or will hold) it. */
export async function findMeetingCalendar(
  db: Db,
  params: { organizationId: string; meetingId: string },
): Promise<MeetingCalendarRow | undefined> {
  const [row] = await db
    .select()
    .from(meetingCalendarEvents)
    .where(
      and(
        eq(meetingCalendarEvents.organizationId, params.organizationId),
        eq(meetingCalendarEvents.meetingId, params.meetingId),
      ),
    )
    .limit(1);
  return row;
}
