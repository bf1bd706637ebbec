import {
  boolean,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { CancelledBy } from '@/lib/contracts/meeting-record';
import type { VideoProvider } from '@/lib/contracts/meeting';
import { createdAt, idColumn, instant, updatedAt } from './columns';
import { conversations } from './conversations';
import { organizations } from './organizations';

export const meetings = pgTable(
  'meetings',
  {
    id: idColumn(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    status: text('status').$type<'SCHEDULED' | 'CANCELLED'>().notNull(),
    startAt: instant('start_at').notNull(),
    endAt: instant('end_at').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    timezone: text('timezone').notNull(),
    location: text('location'),
    videoConference: boolean('video_conference').notNull(),
    videoProvider: text('video_provider').$type<VideoProvider>(),
    meetingUrl: text('meeting_url'),
    /** Stable iCalendar UID; SEQUENCE goes up with every change sent to attendees. */
    icalUid: text('ical_uid').notNull(),
    sequence: integer('sequence').notNull().default(0),
    cancelledBy: text('cancelled_by').$type<CancelledBy>(),
    cancellationReason: text('cancellation_reason'),
    cancelledAt: instant('cancelled_at'),
    /** The start the candidate's reminder was sent for (a moved meeting gets a new one). */
    reminderSentFor: instant('reminder_sent_for'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('meetings_org_idx').on(t.organizationId, t.id),
    uniqueIndex('meetings_one_scheduled_per_conversation_idx')
      .on(t.conversationId)
      .where(sql`status = 'SCHEDULED'`),
  ],
);

/** `[start, end)` as a PostgreSQL tstzrange literal. */
const tstzrange = customType<{ data: string; driverData: string }>({
  dataType: () => 'tstzrange',
});

/**
 * Who attends a meeting. Interviewers' rows of live meetings carry the busy range that the
 * exclusion constraint `meeting_attendees_no_overlap` (drizzle/0001) keeps from overlapping.
 */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    isOrganizer: boolean('is_organizer').notNull(),
    role: text('role').$type<'INTERVIEWER' | 'CANDIDATE'>().notNull(),
    during: tstzrange('during').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.email] }),
    index('meeting_attendees_org_email_idx').on(t.organizationId, t.email),
  ],
);
