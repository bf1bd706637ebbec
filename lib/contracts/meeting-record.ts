import { z } from 'zod';
import { videoProviders } from './meeting';

export const meetingStatuses = ['SCHEDULED', 'CANCELLED'] as const;
export const cancelledByValues = ['CANDIDATE', 'RECRUITER', 'SYSTEM'] as const;
export type CancelledBy = (typeof cancelledByValues)[number];

/** What a meeting looks like in webhooks (`meetingDetails`) and, with its id and state, in the API. */
export const meetingDetailsSchema = z
  .object({
    title: z.string(),
    startDateTime: z.string(),
    endDateTime: z.string(),
    timezone: z.string(),
    location: z.string().nullable(),
    videoConference: z.boolean(),
    videoConferencingProvider: z.enum(videoProviders).nullable(),
    meetingUrl: z.string().nullable(),
    participants: z.array(
      z.object({ email: z.string(), name: z.string(), isOrganizer: z.boolean() }),
    ),
  })
  .meta({ id: 'MeetingDetails' });
export type MeetingDetails = z.infer<typeof meetingDetailsSchema>;

export const meetingSchema = meetingDetailsSchema
  .extend({
    id: z.string(),
    conversationId: z.string(),
    status: z.enum(meetingStatuses),
    description: z.string().nullable(),
    cancelledBy: z.enum(cancelledByValues).nullable(),
    cancellationReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof meetingSchema>;
