import { z } from 'zod';
import { dateSchema, instantSchema, optionalText, timeZoneSchema } from './common';
import { conversationStatuses, schedulingStatuses } from './conversation';
import { videoProviders } from './meeting';
import { meetingSchema } from './meeting-record';

/** The public booking API: the token in the path is the only credential. */

export const MAX_SLOT_RANGE_DAYS = 62;

export const bookingInfoSchema = z
  .object({
    firstName: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    duration: z.number().int(),
    timezone: z.string().meta({ description: 'The meeting time zone (open hours are read in it)' }),
    location: z.string().nullable(),
    videoConferencing: z.boolean(),
    videoConferencingProvider: z.enum(videoProviders).nullable(),
    organizerName: z.string().nullable(),
    company: z.string().nullable(),
    status: z.enum(conversationStatuses),
    schedulingStatus: z.enum(schedulingStatuses).nullable(),
    /** Whether the candidate can pick a time now (not closed, not already booked, not cancelled by the recruiter). */
    canBook: z.boolean(),
    bookingHorizonEnd: z
      .string()
      .meta({ description: 'No start is offered at or after this instant' }),
    meeting: meetingSchema.nullable(),
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
    const days = (Date.parse(`${q.to}T00:00:00Z`) - Date.parse(`${q.from}T00:00:00Z`)) / 86_400_000;
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

export const cancelSchema = z.object({ reason: optionalText(1000) }).meta({ id: 'Cancel' });

export const bookingResultSchema = z
  .object({ meeting: meetingSchema })
  .meta({ id: 'BookingResult' });
