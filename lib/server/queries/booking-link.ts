import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { BOOKING_TOKEN_PATTERN, type Language } from '@/lib/contracts/common';
import { preparedPerDb, type Db } from '@/lib/server/db/client';
import { conversations } from '@/lib/server/db/schema/conversations';
import {
  toStoredParticipant,
  type AutoScheduleConversationRow,
  type StoredParticipant,
} from './conversations';
import type { MeetingWithAttendees } from './meetings';

/** Everything the booking page and its slot list read about one link. */
export type BookingLink = {
  conversation: AutoScheduleConversationRow;
  participants: StoredParticipant[];
  /** The scheduled meeting, else the one cancelled last. */
  meeting: MeetingWithAttendees | undefined;
  /** The campaign's: what the page says the interview is for, and the language it speaks. */
  company: string | null;
  position: string | null;
  language: Language;
};

/**
 * Prepared: the conversation of a booking link with its participants, time slots, latest meeting
 * and campaign's company in one statement (drizzle's relational query), because every view of a
 * booking page and every slot fetch needs all of them.
 */
const findByToken = preparedPerDb((db) =>
  db.query.conversations
    .findFirst({
      where: eq(conversations.bookingToken, sql.placeholder('token')),
      with: {
        campaign: { columns: { company: true, position: true, language: true } },
        participants: {
          orderBy: (p, { asc }) => [asc(p.position)],
          with: {
            timeSlots: {
              columns: { date: true, startTime: true, endTime: true },
              orderBy: (s, { asc }) => [asc(s.id)],
            },
          },
        },
        meetings: {
          orderBy: (m, { desc }) => [desc(m.status), desc(m.updatedAt)],
          limit: 1,
          with: {
            attendees: {
              orderBy: (a, { asc, desc }) => [desc(a.isOrganizer), asc(a.role), asc(a.email)],
            },
          },
        },
      },
    })
    .prepare('booking_link_by_token'),
);

/** Could `token` be a booking token at all (anything else is looked up no further)? */
export function isBookingToken(token: string): boolean {
  return BOOKING_TOKEN_PATTERN.test(token);
}

/** The booking link `token`, or undefined when no auto-schedule conversation has it. */
export async function findBookingLink(db: Db, token: string): Promise<BookingLink | undefined> {
  if (!isBookingToken(token)) return undefined;
  const found = await findByToken(db).execute({ token });
  if (!found?.meetingConfiguration) return undefined;
  const { campaign, participants, meetings, ...conversation } = found;
  return {
    conversation: { ...conversation, meetingConfiguration: found.meetingConfiguration },
    participants: participants.map(({ timeSlots, ...row }) => toStoredParticipant(row, timeSlots)),
    meeting: meetings[0],
    company: campaign.company,
    position: campaign.position,
    language: campaign.language,
  };
}
