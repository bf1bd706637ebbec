import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { DomainError } from '@/lib/domain/errors';
import { computeSlots } from '@/lib/domain/slots/compute-slots';
import { chooseAssignee, freeParticipantsAt } from '@/lib/domain/slots/round-robin';
import { findPoolLoads } from '@/lib/server/queries/booked-meetings';
import type { Db } from '@/lib/server/db/client';
import { meetingAttendees } from '@/lib/server/db/schema/meetings';
import type {
  AutoScheduleConversationRow,
  ConversationRow,
  StoredParticipant,
} from '@/lib/server/queries/conversations';
import { loadSlotInput } from '@/lib/server/services/booking/slot-input';
import type { CalendarBusy } from '@/lib/server/calendar/busy-periods';
import { fullName } from '@/lib/domain/people/full-name';

/**
 * Serializes every booking change that touches one of these interviewers, so the slot re-check
 * (buffers included) sees every committed meeting. Locks in a fixed order: no deadlocks.
 */
export async function lockInterviewers(
  tx: Db,
  organizationId: string,
  emails: string[],
): Promise<void> {
  for (const email of [...new Set(emails)].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${organizationId}|${email}`}))`);
  }
}

export const slotUnavailable = () =>
  new DomainError('slot_unavailable', 'This time is no longer available. Please pick another one.');

/** Round robin weighs the meetings of the next 14 days (DESIGN §3). */
const ROUND_ROBIN_WINDOW_MS = 14 * 86_400_000;

/**
 * DESIGN §4 rules 1–5 for one start, against the database as this transaction sees it (call it
 * with the interviewers locked), and who attends: every participant, or under round robin the
 * one assigned — `keepEmail` (the current interviewer of a moved meeting) when they are free,
 * else the free one with the fewest meetings over the next 14 days, ties by least recently
 * booked. The assigned interviewer hosts the meeting.
 */
export async function assignStart(
  tx: Db,
  params: {
    conversation: AutoScheduleConversationRow;
    participants: StoredParticipant[];
    start: Date;
    now: Date;
    excludeMeetingId?: string | null;
    keepEmail?: string | null;
    /** The fresh answer of the connected calendars, fetched before the transaction. */
    calendarBusy: CalendarBusy;
  },
): Promise<StoredParticipant[]> {
  const { conversation, participants, start } = params;
  const input = await loadSlotInput(tx, {
    calendarBusy: params.calendarBusy,
    organizationId: conversation.organizationId,
    configuration: conversation.meetingConfiguration,
    participants,
    method: conversation.availabilityMethod,
    now: params.now.getTime(),
    range: { start: start.getTime(), end: start.getTime() + 1 },
    excludeMeetingId: params.excludeMeetingId ?? null,
    limit: 1,
  });
  if (conversation.availabilityMethod !== 'ROUND_ROBIN') {
    if (computeSlots(input)[0] !== start.getTime()) throw slotUnavailable();
    return participants;
  }
  const free = freeParticipantsAt(input, start.getTime());
  let chosen = free.find((i) => participants[i]!.email === params.keepEmail);
  if (chosen === undefined && free.length > 0) {
    const loads = await findPoolLoads(tx, {
      organizationId: conversation.organizationId,
      emails: participants.map((p) => p.email),
      range: { start: params.now.getTime(), end: params.now.getTime() + ROUND_ROBIN_WINDOW_MS },
    });
    chosen = chooseAssignee(
      free,
      participants.map((p) => loads.get(p.email) ?? { upcomingMeetings: 0, lastBookedAt: null }),
    );
  }
  if (chosen === undefined) throw slotUnavailable();
  return [{ ...participants[chosen]!, isOrganizer: true }];
}

type AttendeeInsert = Omit<typeof meetingAttendees.$inferInsert, 'during'> & { during: SQL };

/** Attendee rows of a meeting; interviewers' rows carry the busy range the exclusion constraint checks. */
export async function insertAttendees(
  tx: Db,
  params: {
    meetingId: string;
    conversation: ConversationRow;
    participants: StoredParticipant[];
    start: Date;
    end: Date;
  },
): Promise<void> {
  const { meetingId, conversation, participants, start, end } = params;
  const during = sql`tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`;
  const rows: AttendeeInsert[] = participants.map((p) => ({
    meetingId,
    organizationId: conversation.organizationId,
    email: p.email,
    name: p.name,
    isOrganizer: p.isOrganizer,
    role: 'INTERVIEWER' as const,
    during,
  }));
  const candidateEmail = conversation.emailAddress;
  if (candidateEmail && !participants.some((p) => p.email === candidateEmail)) {
    rows.push({
      meetingId,
      organizationId: conversation.organizationId,
      email: candidateEmail,
      name: fullName(conversation),
      isOrganizer: false,
      role: 'CANDIDATE' as const,
      during,
    });
  }
  await withOverlapAsConflict(() => tx.insert(meetingAttendees).values(rows as never));
}

/**
 * A moved round-robin meeting that changes hands: the previous interviewer's row goes, the new
 * one's comes at the new time (the exclusion constraint checks it like any booking).
 */
export async function reassignInterviewer(
  tx: Db,
  params: {
    meetingId: string;
    organizationId: string;
    previousEmail: string;
    next: StoredParticipant;
    start: Date;
    end: Date;
  },
): Promise<void> {
  const { meetingId, next, start, end } = params;
  await tx
    .delete(meetingAttendees)
    .where(
      and(
        eq(meetingAttendees.meetingId, meetingId),
        eq(meetingAttendees.email, params.previousEmail),
        eq(meetingAttendees.role, 'INTERVIEWER'),
      ),
    );
  const row: AttendeeInsert = {
    meetingId,
    organizationId: params.organizationId,
    email: next.email,
    name: next.name,
    isOrganizer: true,
    role: 'INTERVIEWER',
    during: sql`tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`,
  };
  await withOverlapAsConflict(() => tx.insert(meetingAttendees).values(row as never));
}

export async function moveAttendees(
  tx: Db,
  meetingId: string,
  start: Date,
  end: Date,
): Promise<void> {
  await withOverlapAsConflict(() =>
    tx
      .update(meetingAttendees)
      .set({
        during: sql`tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`,
      })
      .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.active, true))),
  );
}

/** The exclusion constraint (SQLSTATE 23P01) is the last line of defence: it answers 409 too. */
async function withOverlapAsConflict<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (sqlState(error) === '23P01') throw slotUnavailable();
    throw error;
  }
}

function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
