import { z } from 'zod';
import { daysBetween } from '@/lib/domain/time/calendar-date';
import { dateSchema, instantSchema, languages, optionalText, timeZoneSchema } from './common';
import { conversationStatuses, schedulingStatuses } from './conversation';
import { videoProviders } from './meeting';
import { cancelledByValues, meetingStatuses } from './meeting-record';

/**
 * The public booking API: the token in the path is the only credential. What it answers is for the
 * candidate's eyes: interviewers by name only (never an email address), no recruiter's notes such
 * as a cancellation reason, nothing about other candidates (DESIGN §2).
 */

export const MAX_SLOT_RANGE_DAYS = 62;

const interviewerSchema = z.object({ name: z.string(), isOrganizer: z.boolean() });

const developmentRoomField = z.boolean().meta({
  description:
    'The video link is a development video room (no video provider is configured): no real call happens there',
});

/** A meeting as its candidate sees it. */
export const bookingMeetingSchema = z
  .object({
    id: z.string(),
    status: z.enum(meetingStatuses),
    title: z.string(),
    description: z.string().nullable(),
    startDateTime: z.string(),
    endDateTime: z.string(),
    timezone: z.string(),
    location: z.string().nullable(),
    videoConference: z.boolean(),
    videoConferencingProvider: z.enum(videoProviders).nullable(),
    meetingUrl: z.string().nullable(),
    isDevelopmentVideoRoom: developmentRoomField,
    interviewers: z.array(interviewerSchema),
    cancelledBy: z.enum(cancelledByValues).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'BookingMeeting' });
export type BookingMeeting = z.infer<typeof bookingMeetingSchema>;

export const bookingInfoSchema = z
  .object({
    firstName: z.string(),
    title: z
      .string()
      .meta({ description: "The meeting's title, as in the interviewers' calendars" }),
    description: z.string().nullable(),
    duration: z.number().int(),
    timezone: z.string().meta({ description: 'The meeting time zone (open hours are read in it)' }),
    location: z.string().nullable(),
    videoConferencing: z.boolean(),
    videoConferencingProvider: z.enum(videoProviders).nullable(),
    isDevelopmentVideoRoom: developmentRoomField,
    organizerName: z.string().nullable(),
    interviewers: z
      .array(interviewerSchema)
      .meta({ description: 'Everyone who interviews, organizer first' }),
    company: z.string().nullable(),
    position: z.string().nullable(),
    language: z.enum(languages),
    candidateTimezone: z
      .string()
      .nullable()
      .meta({ description: 'The zone the candidate chose when booking, once they have' }),
    status: z.enum(conversationStatuses),
    schedulingStatus: z.enum(schedulingStatuses).nullable(),
    canBook: z.boolean().meta({
      description:
        'Whether a time can be picked now: false once booked, closed or cancelled by the organizer, and while nothing is offered or the interviewers are still sharing their availability',
    }),
    bookingHorizonEnd: z
      .string()
      .meta({ description: 'No start is offered at or after this instant' }),
    meeting: bookingMeetingSchema.nullable(),
  })
  .meta({ id: 'BookingInfo' });
export type BookingInfo = z.infer<typeof bookingInfoSchema>;

export const slotsQuerySchema = z
  .object({
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    timezone: timeZoneSchema.optional(),
  })
  .superRefine((q, ctx) => {
    if (!q.from || !q.to) return;
    const days = daysBetween(q.from, q.to);
    if (days < 0)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    if (days > MAX_SLOT_RANGE_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be at most ${MAX_SLOT_RANGE_DAYS} days after from`,
      });
    }
  });

export const slotsSchema = z
  .object({
    timezone: z.string(),
    duration: z.number().int(),
    from: z.string(),
    to: z.string(),
    slots: z.array(z.object({ start: z.string(), end: z.string() })),
  })
  .meta({ id: 'Slots' });
export type Slots = z.infer<typeof slotsSchema>;

export const bookSlotSchema = z
  .object({ start: instantSchema, timezone: timeZoneSchema.optional() })
  .meta({ id: 'BookSlot' });

export const rescheduleSchema = z.object({ start: instantSchema }).meta({ id: 'Reschedule' });

/** The candidate moves their meeting, saying again which zone they picked the time in. */
export const bookingRescheduleSchema = z
  .object({ start: instantSchema, timezone: timeZoneSchema.optional() })
  .meta({ id: 'BookingReschedule' });

export const cancelSchema = z.object({ reason: optionalText(1000) }).meta({ id: 'Cancel' });

export const bookingResultSchema = z
  .object({ meeting: bookingMeetingSchema })
  .meta({ id: 'BookingResult' });
