import 'server-only';
import type { calendar_v3 } from '@googleapis/calendar';
import type { AttendeeResponse, CalendarEvent, CalendarEventInput } from '../types';
import { CalendarUnavailableError } from '../types';
import { statusOf } from './errors';

type Api = calendar_v3.Calendar;
type GoogleEvent = calendar_v3.Schema$Event;

/** Events live in the organizer's primary calendar. */
const CALENDAR_ID = 'primary';

/** The fields Parley owns on the event (insert and patch). */
function eventFields(input: CalendarEventInput): GoogleEvent {
  return {
    summary: input.title,
    description: input.description ?? '',
    location: input.location ?? '',
    start: { dateTime: input.start.toISOString(), timeZone: input.timezone },
    end: { dateTime: input.end.toISOString(), timeZone: input.timezone },
    attendees: input.attendees.map((a) => ({ email: a.email, displayName: a.name })),
  };
}

/**
 * Inserts the event under the meeting's own id (`input.key`, base32hex), with a Meet room when
 * asked; Google tells the attendees (`sendUpdates: all`). A retry after an attempt whose answer was
 * lost gets 409 (the id exists): the event that attempt made is returned, brought up to date.
 */
export async function createEvent(api: Api, input: CalendarEventInput): Promise<CalendarEvent> {
  try {
    const res = await api.events.insert({
      calendarId: CALENDAR_ID,
      conferenceDataVersion: 1,
      sendUpdates: 'all',
      requestBody: {
        id: input.key,
        ...eventFields(input),
        ...(input.withVideo
          ? {
              conferenceData: {
                createRequest: {
                  requestId: input.key,
                  conferenceSolutionKey: { type: 'hangoutsMeet' },
                },
              },
            }
          : {}),
      },
    });
    return toCalendarEvent(res.data);
  } catch (error) {
    if (statusOf(error) !== 409) throw error;
  }
  const existing = await api.events.get({ calendarId: CALENDAR_ID, eventId: input.key });
  return isUpToDate(existing.data, input)
    ? toCalendarEvent(existing.data)
    : patchEvent(api, existing.data, input);
}

/** Moves or renames the event; attendees keep the answers they gave. */
export async function updateEvent(
  api: Api,
  eventId: string,
  input: CalendarEventInput,
): Promise<CalendarEvent> {
  const existing = await readEvent(api, eventId);
  if (!existing) {
    throw new CalendarUnavailableError(`the Google event ${eventId} no longer exists`);
  }
  return patchEvent(api, existing, input);
}

async function patchEvent(
  api: Api,
  existing: GoogleEvent,
  input: CalendarEventInput,
): Promise<CalendarEvent> {
  const answered = new Map(
    (existing.attendees ?? []).map((a) => [a.email?.toLowerCase(), a.responseStatus]),
  );
  const fields = eventFields(input);
  const res = await api.events.patch({
    calendarId: CALENDAR_ID,
    eventId: existing.id ?? input.key,
    conferenceDataVersion: 1,
    sendUpdates: 'all',
    requestBody: {
      ...fields,
      // Google replaces the attendee list as sent: carry over the answers already given.
      attendees: fields.attendees?.map((a) => ({
        ...a,
        responseStatus: answered.get(a.email?.toLowerCase()) ?? 'needsAction',
      })),
    },
  });
  return toCalendarEvent(res.data);
}

/** Deletes the event, telling the attendees; one already deleted (404, 410) is fine. */
export async function cancelEvent(api: Api, eventId: string): Promise<void> {
  try {
    await api.events.delete({ calendarId: CALENDAR_ID, eventId, sendUpdates: 'all' });
  } catch (error) {
    const status = statusOf(error);
    if (status !== 404 && status !== 410) throw error;
  }
}

export async function getEvent(api: Api, eventId: string): Promise<CalendarEvent | null> {
  const event = await readEvent(api, eventId);
  return event ? toCalendarEvent(event) : null;
}

async function readEvent(api: Api, eventId: string): Promise<GoogleEvent | null> {
  try {
    return (await api.events.get({ calendarId: CALENDAR_ID, eventId })).data;
  } catch (error) {
    const status = statusOf(error);
    if (status === 404 || status === 410) return null;
    throw error;
  }
}

function isUpToDate(event: GoogleEvent, input: CalendarEventInput): boolean {
  const emails = (list: { email?: string | null }[]) =>
    list
      .map((a) => a.email?.toLowerCase() ?? '')
      .sort()
      .join(',');
  return (
    event.status !== 'cancelled' &&
    Date.parse(event.start?.dateTime ?? '') === input.start.getTime() &&
    Date.parse(event.end?.dateTime ?? '') === input.end.getTime() &&
    (event.summary ?? '') === input.title &&
    emails(event.attendees ?? []) === emails(input.attendees)
  );
}

const responses: Record<string, AttendeeResponse> = {
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentative: 'TENTATIVE',
  needsAction: 'NEEDS_ACTION',
};

/** Google's event as the contract's: its Meet link (`hangoutLink`, else the video entry point). */
export function toCalendarEvent(event: GoogleEvent): CalendarEvent {
  const video = event.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video');
  return {
    eventId: event.id ?? '',
    joinUrl: event.hangoutLink ?? video?.uri ?? null,
    isLive: event.status !== 'cancelled',
    responses: Object.fromEntries(
      (event.attendees ?? []).flatMap((a) =>
        a.email && !a.resource && !a.self
          ? [[a.email.toLowerCase(), responses[a.responseStatus ?? ''] ?? 'NEEDS_ACTION']]
          : [],
      ),
    ),
  };
}
