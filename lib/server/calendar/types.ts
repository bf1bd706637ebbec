import 'server-only';
import type { CalendarProviderName } from '@/lib/server/db/schema/calendars';

/** `[start, end)` in epoch milliseconds. */
export type BusyInterval = { start: number; end: number };

export type AttendeeResponse = 'ACCEPTED' | 'DECLINED' | 'TENTATIVE' | 'NEEDS_ACTION';

/** What Parley asks a provider to put in the organizer's calendar for a meeting. */
export type CalendarEventInput = {
  /**
   * Stable per meeting, so a retried create never makes a second event: Google's client-supplied
   * event id (base32hex, the meeting id without dashes), Graph's `transactionId`.
   */
  key: string;
  title: string;
  description: string | null;
  start: Date;
  end: Date;
  /** IANA zone the event is shown in. */
  timezone: string;
  location: string | null;
  /** Ask the provider for a video room (Meet, Teams) on the event. */
  withVideo: boolean;
  /** Everyone invited, the organizer excluded (the event lives in the organizer's calendar). */
  attendees: { email: string; name: string }[];
};

/** The event as the provider holds it. */
export type CalendarEvent = {
  eventId: string;
  /** `hangoutLink` / `onlineMeeting.joinUrl`; null while the provider has not made the room yet. */
  joinUrl: string | null;
  /** False when the event was cancelled or deleted in the organizer's calendar. */
  isLive: boolean;
  /** Lower-cased attendee email → their response. */
  responses: Record<string, AttendeeResponse>;
};

/** The provider refused the stored grant (`invalid_grant`, revoked consent): reconnect needed. */
export class CalendarAuthError extends Error {
  override name = 'CalendarAuthError';
}

/** The provider failed or timed out; the answer is unknown (treated as busy, never free). */
export class CalendarUnavailableError extends Error {
  override name = 'CalendarUnavailableError';
}

/**
 * One connected calendar, ready to call. Methods throw `CalendarAuthError` or
 * `CalendarUnavailableError`; nothing else escapes them.
 */
export type CalendarClient = {
  /** Busy periods in `[start, end)`, sorted, merged or not (the caller merges). */
  busy(range: { start: Date; end: Date }): Promise<BusyInterval[]>;
  /** Creates the event, or returns the one an earlier attempt with the same `key` made. */
  createEvent(input: CalendarEventInput): Promise<CalendarEvent>;
  /** Moves or renames the event; attendees are told by the provider. */
  updateEvent(eventId: string, input: CalendarEventInput): Promise<CalendarEvent>;
  /** Cancels the event (attendees are told); an event already gone is not an error. */
  cancelEvent(eventId: string, input: CalendarEventInput): Promise<void>;
  /** The event now, or null when it no longer exists. */
  getEvent(eventId: string): Promise<CalendarEvent | null>;
};

/**
 * Tokens as the provider adapter serializes them (JSON). Stored encrypted; the adapter hands back a
 * new value whenever it refreshed them, and the caller persists it.
 */
export type Credentials = string;

export type ConnectedAccount = {
  /** The provider account's address, lower-cased. */
  email: string;
  name: string | null;
  credentials: Credentials;
};

/** A real calendar provider: OAuth consent, then calendar calls on the stored grant. */
export type CalendarProvider = {
  name: Exclude<CalendarProviderName, 'DEV'>;
  /** Whether its client id and secret are set (DESIGN §10); otherwise it cannot be connected. */
  isConfigured(): boolean;
  /** The provider's consent page for `state`, returning to `redirectUri`. */
  authorizeUrl(params: { state: string; redirectUri: string; loginHint?: string }): Promise<string>;
  /** Exchanges the callback's code: throws `CalendarAuthError` when the provider refuses it. */
  exchangeCode(params: { code: string; redirectUri: string }): Promise<ConnectedAccount>;
  /**
   * A client on `credentials`. `onCredentials` is awaited with the new serialized tokens whenever
   * the adapter refreshed them (so the caller stores them, encrypted).
   */
  client(
    credentials: Credentials,
    onCredentials: (next: Credentials) => Promise<void>,
  ): CalendarClient;
};
