import 'server-only';
import type * as Graph from '@microsoft/microsoft-graph-types';
import { formatInTimeZone } from 'date-fns-tz';
import type { AttendeeResponse, CalendarEvent, CalendarEventInput } from '../types';

/** Graph's wall-clock form: local time in `timezone` (an IANA name, which Graph accepts). */
function dateTimeIn(instant: Date, timezone: string): Graph.DateTimeTimeZone {
  return {
    dateTime: formatInTimeZone(instant, timezone, "yyyy-MM-dd'T'HH:mm:ss"),
    timeZone: timezone,
  };
}

/** The fields Parley owns on the event, for `POST /me/events` and `PATCH /me/events/{id}`. */
export function eventFields(input: CalendarEventInput): Graph.Event {
  return {
    subject: input.title,
    body: { contentType: 'text', content: input.description ?? '' },
    start: dateTimeIn(input.start, input.timezone),
    end: dateTimeIn(input.end, input.timezone),
    location: { displayName: input.location ?? '' },
    attendees: input.attendees.map((a): Graph.Attendee => ({
      emailAddress: { address: a.email, name: a.name },
      type: 'required',
    })),
  };
}

/** A new event: the meeting's fields, a Teams meeting when asked, and the key Graph dedupes on. */
export function newEventBody(input: CalendarEventInput): Graph.Event {
  return {
    ...eventFields(input),
    // A retried create with the same transactionId returns the event the first attempt made.
    transactionId: input.key,
    allowNewTimeProposals: false,
    ...(input.withVideo
      ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' as const }
      : {}),
  };
}

const responses: Partial<Record<string, AttendeeResponse>> = {
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentativelyAccepted: 'TENTATIVE',
  none: 'NEEDS_ACTION',
  notResponded: 'NEEDS_ACTION',
};

/** Graph's event as the calendar contract's (types.ts). */
export function toCalendarEvent(event: Graph.Event): CalendarEvent {
  if (!event.id) throw new Error('Graph returned an event without an id');
  const byEmail: Record<string, AttendeeResponse> = {};
  for (const attendee of event.attendees ?? []) {
    const email = attendee.emailAddress?.address?.toLowerCase();
    const response = responses[attendee.status?.response ?? 'none'];
    if (email && response) byEmail[email] = response;
  }
  return {
    eventId: event.id,
    joinUrl: event.onlineMeeting?.joinUrl ?? event.onlineMeetingUrl ?? null,
    isLive: event.isCancelled !== true,
    responses: byEmail,
  };
}

/** What `GET /me/events/{id}` asks for. */
export const EVENT_SELECT = 'id,isCancelled,onlineMeeting,onlineMeetingUrl,attendees';
