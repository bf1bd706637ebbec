import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, instant, updatedAt } from './columns';
import { organizations } from './organizations';

export type CalendarProviderName = 'GOOGLE' | 'MICROSOFT' | 'DEV';
export type ConnectionStatus = 'CONNECTED' | 'NEEDS_RECONNECT';

/**
 * A person whose time Parley schedules (an interviewer, a hiring manager): one row per email of
 * the organization, made when they first appear in a participant list, an invite or a connection.
 * `GET /v1/user-calendars` lists these (DESIGN §3).
 */
export const userCalendars = pgTable(
  'user_calendars',
  {
    id: idColumn(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Lower-cased. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** Availability the person gave (DESIGN §8: a reply, the form or the API), wall-clock in its zone. */
    availabilityTimezone: text('availability_timezone'),
    availabilitySlots:
      jsonb('availability_slots').$type<{ date: string; startTime: string; endTime: string }[]>(),
    availabilitySavedAt: instant('availability_saved_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('user_calendars_org_email_idx').on(t.organizationId, t.email)],
);

export type AvailabilityRequestStatus = 'OPEN' | 'ANSWERED' | 'EXPIRED';

/**
 * A request for someone's free times (DESIGN §8): one open request per person serves every
 * conversation waiting for them. `token` is in the form link and in the reply address; the sweep
 * sends the email, the reminders and the expiry when `nextActionAt` falls due.
 */
export const availabilityRequests = pgTable(
  'availability_requests',
  {
    id: idColumn(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userCalendarId: uuid('user_calendar_id')
      .notNull()
      .references(() => userCalendars.id, { onDelete: 'cascade' }),
    token: text('token').notNull(),
    status: text('status').$type<AvailabilityRequestStatus>().notNull().default('OPEN'),
    /** When the email went out; null while the request gathers the conversations that wait. */
    sentAt: instant('sent_at'),
    remindersSent: integer('reminders_sent').notNull().default(0),
    /** The next step of an open request: the email, a reminder, or the expiry. */
    nextActionAt: instant('next_action_at'),
    /** A reply with nothing readable got its one clarification. */
    clarifiedAt: instant('clarified_at'),
    answeredAt: instant('answered_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('availability_requests_token_idx').on(t.token),
    uniqueIndex('availability_requests_open_idx')
      .on(t.organizationId, t.userCalendarId)
      .where(sql`status = 'OPEN'`),
    index('availability_requests_due_idx')
      .on(t.nextActionAt)
      .where(sql`status = 'OPEN'`),
    index('availability_requests_person_idx').on(t.organizationId, t.userCalendarId, t.createdAt),
  ],
);

/**
 * A calendar connected by OAuth (or the development calendar). At most one live connection per
 * person; reconnecting replaces it. Credentials are encrypted at rest (lib/server/crypto).
 */
export const calendarConnections = pgTable(
  'calendar_connections',
  {
    id: idColumn(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    provider: text('provider').$type<CalendarProviderName>().notNull(),
    /** The participant email this calendar answers for (lower-cased). */
    email: text('email').notNull(),
    /** The provider account's own address (may differ from `email`). */
    accountEmail: text('account_email'),
    status: text('status').$type<ConnectionStatus>().notNull().default('CONNECTED'),
    /** Provider tokens (JSON), encrypted; null for the development calendar. */
    credentials: text('credentials'),
    connectedAt: instant('connected_at').notNull().defaultNow(),
    /** Set when the provider refused a refresh; cleared by reconnecting (one episode). */
    failedAt: instant('failed_at'),
    failureReason: text('failure_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    revokedAt: instant('revoked_at'),
  },
  (t) => [
    uniqueIndex('calendar_connections_live_email_idx')
      .on(t.organizationId, t.email)
      .where(sql`revoked_at is null`),
  ],
);

/**
 * The last busy periods a connection's provider returned for a window, reused for
 * PARLEY_BUSY_CACHE_SECONDS and, while a refresh runs, for up to an hour (DESIGN §6).
 * `busy` holds `[startMs, endMs]` pairs, sorted.
 */
export const busyPeriodCache = pgTable('busy_period_cache', {
  connectionId: uuid('connection_id')
    .primaryKey()
    .references(() => calendarConnections.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id').notNull(),
  windowStart: instant('window_start').notNull(),
  windowEnd: instant('window_end').notNull(),
  busy: jsonb('busy').$type<[number, number][]>().notNull(),
  fetchedAt: instant('fetched_at').notNull(),
  /** A refresh claimed by some instance (so one refreshes at a time); null when none runs. */
  refreshingAt: instant('refreshing_at'),
});

/** Busy periods of a development calendar, edited by hand in the dashboard. */
export const devCalendarBusy = pgTable(
  'dev_calendar_busy',
  {
    id: idColumn(),
    organizationId: uuid('organization_id').notNull(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => calendarConnections.id, { onDelete: 'cascade' }),
    startAt: instant('start_at').notNull(),
    endAt: instant('end_at').notNull(),
    label: text('label'),
    createdAt: createdAt(),
  },
  (t) => [index('dev_calendar_busy_connection_idx').on(t.connectionId, t.startAt)],
);

/**
 * A link that lets a person connect their calendar (`/connect/invite/{token}`): from
 * `POST /v1/user-calendars/invite` or a reconnect email. Stored hashed.
 */
export const calendarInvites = pgTable(
  'calendar_invites',
  {
    id: idColumn(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userCalendarId: uuid('user_calendar_id')
      .notNull()
      .references(() => userCalendars.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calendar_invites_token_idx').on(t.tokenHash)],
);

/**
 * The organizer's calendar event of a meeting, kept by the `meetings.sync` job: which sequence it
 * reflects, the join link, and the attendees' last known responses (to report changes once).
 */
export const meetingCalendarEvents = pgTable('meeting_calendar_events', {
  meetingId: uuid('meeting_id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  connectionId: uuid('connection_id')
    .notNull()
    .references(() => calendarConnections.id, { onDelete: 'cascade' }),
  provider: text('provider').$type<CalendarProviderName>().notNull(),
  /** The provider's event id; null until the event exists. */
  eventId: text('event_id'),
  syncedSequence: integer('synced_sequence'),
  cancelledAt: instant('cancelled_at'),
  responses: jsonb('responses').$type<Record<string, string>>().notNull().default({}),
  /** When CALENDAR_MEETING_SCHEDULED was recorded (after the event, or 2 minutes on without it). */
  announcedAt: instant('announced_at'),
  lastError: text('last_error'),
  attempts: integer('attempts').notNull().default(0),
  syncedAt: instant('synced_at'),
  polledAt: instant('polled_at'),
  updatedAt: updatedAt(),
});
