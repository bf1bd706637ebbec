import { z } from 'zod';
import {
  dateSchema,
  emailSchema,
  idSchema,
  instantSchema,
  nameSchema,
  timeZoneSchema,
} from './common';
import { timeSlotSchema } from './meeting';

/** People whose time Parley schedules and their calendar connections (DESIGN §3, §6). */

export const calendarProviders = ['GOOGLE', 'MICROSOFT', 'DEV'] as const;
export type CalendarProvider = (typeof calendarProviders)[number];
export const connectionStatuses = ['CONNECTED', 'NEEDS_RECONNECT'] as const;

export const calendarProviderLabels: Record<CalendarProvider, string> = {
  GOOGLE: 'Google Calendar',
  MICROSOFT: 'Microsoft Outlook',
  DEV: 'Development calendar',
};

export const inviteUserCalendarSchema = z
  .object({ name: nameSchema(200), email: emailSchema })
  .meta({ id: 'InviteUserCalendar' });
export type InviteUserCalendar = z.output<typeof inviteUserCalendarSchema>;

export const userCalendarInviteSchema = z
  .object({
    id: idSchema,
    connectUrl: z.url().meta({ description: 'The link emailed to the person (valid 14 days)' }),
  })
  .meta({ id: 'UserCalendarInvite' });

export const calendarConnectionSchema = z
  .object({
    provider: z.enum(calendarProviders),
    status: z.enum(connectionStatuses),
    connectedAt: instantSchema,
    /** The provider account's own address (null for the development calendar). */
    accountEmail: z.string().nullable(),
    /** Why the provider stopped answering (set while NEEDS_RECONNECT). */
    failure: z.object({ at: instantSchema, reason: z.string() }).nullable(),
  })
  .meta({ id: 'CalendarConnection' });

export const userCalendarSchema = z
  .object({
    id: idSchema,
    email: z.string(),
    name: z.string(),
    connection: calendarConnectionSchema.nullable(),
    availability: z
      .object({
        timezone: z.string(),
        timeSlots: z.array(
          z.object({ date: dateSchema, startTime: z.string(), endTime: z.string() }),
        ),
      })
      .nullable(),
    /** Conversations waiting for this person's availability. */
    waitingConversations: z.number().int(),
    /** When the availability was last saved (a reply, the form or the API). */
    availabilitySavedAt: instantSchema.nullable(),
    /** The last request for this person's times (DESIGN §8), if any. */
    availabilityRequest: z
      .object({
        status: z.enum(['OPEN', 'ANSWERED', 'EXPIRED']),
        requestedAt: instantSchema,
        /** Null while the request gathers the conversations that wait (about a minute). */
        sentAt: instantSchema.nullable(),
        remindersSent: z.number().int(),
        answeredAt: instantSchema.nullable(),
        /** The person's form (`/availability/{token}`): forward it, or enter their times there. */
        formUrl: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'UserCalendar' });

/** `PUT /v1/user-calendars/{id}/availability`: replaces the person's availability. */
export const saveAvailabilitySchema = z
  .object({
    timezone: timeZoneSchema,
    /** Empty clears it (nothing is offered until times are given again). */
    timeSlots: z.array(timeSlotSchema).max(500),
  })
  .meta({ id: 'SaveAvailability' });
export type SaveAvailability = z.output<typeof saveAvailabilitySchema>;

/** `POST /v1/scheduling/availability/parse`: free text read as availability, nothing saved. */
export const parseAvailabilitySchema = z
  .object({
    text: z.string().trim().min(1, 'must not be empty').max(5000),
    timezone: timeZoneSchema,
    /** The reply's date in `timezone`; today there by default. */
    referenceDate: dateSchema.optional(),
  })
  .meta({ id: 'ParseAvailability' });

export const parsedAvailabilitySchema = z
  .object({
    timezone: z.string(),
    timeSlots: z.array(z.object({ date: dateSchema, startTime: z.string(), endTime: z.string() })),
    unparsed: z.array(z.string()),
    language: z.enum(['en', 'es', 'fr', 'de', 'pt']),
  })
  .meta({ id: 'ParsedAvailability' });
export type UserCalendar = z.output<typeof userCalendarSchema>;

/** Dashboard forms. */
export const userCalendarFormSchema = z.object({ userCalendarId: idSchema });

export const devBusyFormSchema = z
  .object({
    userCalendarId: idSchema,
    /** Wall-clock `YYYY-MM-DDTHH:mm` (a datetime-local input) in `timezone`. */
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a date and time'),
    end: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a date and time'),
    /** The viewer's zone: datetime-local inputs carry no offset. */
    timezone: timeZoneSchema,
    label: z
      .string()
      .trim()
      .max(100)
      .optional()
      .transform((v) => v || null),
  })
  .meta({ id: 'DevBusyForm' });

export const devBusyRemoveFormSchema = z.object({ userCalendarId: idSchema, busyId: idSchema });
