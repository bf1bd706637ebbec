import { z } from 'zod';
import {
  dateSchema,
  emailSchema,
  idSchema,
  instantSchema,
  nameSchema,
  timeZoneSchema,
} from './common';

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
  })
  .meta({ id: 'UserCalendar' });
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
