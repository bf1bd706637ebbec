import { z } from 'zod';
import { conversationStatuses } from './conversation';
import { cancelledByValues, meetingDetailsSchema } from './meeting-record';

/** Webhook endpoints and the events they receive (DESIGN §5). */

export const eventTypes = [
  'CALENDAR_MEETING_SCHEDULED',
  'CALENDAR_MEETING_RESCHEDULED',
  'CALENDAR_MEETING_CANCELLED',
  'CALENDAR_MEETING_UPDATED',
  'CALENDAR_AVAILABILITY_NOT_FOUND',
  'CALENDAR_MORE_TIME_REQUESTED',
  'CONVERSATION_STARTED',
  'CONVERSATION_COMPLETED',
  'CONVERSATION_OPTED_OUT',
  'CONVERSATION_QUEUED',
  'CONVERSATION_NEEDS_REVIEW',
  'CONVERSATION_MAX_NUDGES_REACHED',
  'START_CONVERSATION_FAILED',
  'CALENDAR_CONNECTION_FAILED',
] as const;
export type EventType = (typeof eventTypes)[number];
/** Sent by `POST /v1/webhooks/{id}/test` only; never filtered out. */
export const TEST_EVENT = 'WEBHOOK_TEST';

const eventsFilter = z
  .array(z.enum(eventTypes))
  .min(1, 'must list at least one event (or be null for every event)')
  .refine((list) => new Set(list).size === list.length, 'must not repeat an event')
  .nullish()
  .transform((v) => v ?? null);

export const createWebhookSchema = z
  .object({
    url: z.string().trim().min(1, 'is required').max(2000),
    events: eventsFilter,
    description: z
      .string()
      .trim()
      .max(500)
      .nullish()
      .transform((v) => v || null),
  })
  .meta({ id: 'CreateWebhook' });

export const updateWebhookSchema = z
  .object({
    url: z.string().trim().min(1).max(2000),
    events: eventsFilter,
    description: z.string().trim().max(500).nullable(),
    status: z.enum(['ACTIVE', 'DISABLED']),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field')
  .meta({ id: 'UpdateWebhook' });
export type UpdateWebhook = z.output<typeof updateWebhookSchema>;

export const rotateSecretSchema = z
  .object({
    /** How long the old secret keeps signing next to the new one. */
    graceHours: z.number().int().min(0).max(168).default(24),
  })
  .meta({ id: 'RotateWebhookSecret' });

export const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.enum(eventTypes)).nullable(),
    status: z.enum(['ACTIVE', 'DISABLED']),
    disabledReason: z.string().nullable(),
    /** While a rotation's grace period lasts, deliveries carry two signatures. */
    previousSecretExpiresAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookWithSecretSchema = webhookSchema
  .extend({
    secret: z.string().meta({ description: 'whsec_… — shown once; verify signatures with it' }),
  })
  .meta({ id: 'WebhookWithSecret' });

export const deliveryStatuses = ['PENDING', 'SENDING', 'SUCCEEDED', 'FAILED'] as const;

export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    event: z.string(),
    status: z.enum(deliveryStatuses),
    attemptCount: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    attempts: z.array(
      z.object({
        attempt: z.number().int(),
        attemptedAt: z.string(),
        statusCode: z.number().int().nullable(),
        durationMs: z.number().int(),
        error: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const testDeliverySchema = z
  .object({
    eventId: z.string(),
    deliveryId: z.string(),
    delivered: z.boolean(),
    statusCode: z.number().int().nullable(),
    durationMs: z.number().int(),
    error: z.string().nullable(),
  })
  .meta({ id: 'WebhookTestResult' });

// ---- Event payloads (the envelope's `data`) ----

const conversationBase = {
  organizationId: z.string(),
  conversationId: z.string(),
  externalConversationId: z.string().nullable(),
  campaignId: z.string(),
  externalCampaignId: z.string().nullable(),
};

const meetingData = z.object({
  recordId: z.string(),
  ...conversationBase,
  meetingDetails: meetingDetailsSchema,
});

/**
 * What changed in `CALENDAR_MEETING_UPDATED`: the join link arrived after the booking, or an
 * attendee answered the organizer's invitation (DESIGN §5).
 */
export const meetingChangeSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('meetingUrl'), meetingUrl: z.string() }),
  z.object({
    field: z.literal('attendeeResponse'),
    email: z.string(),
    response: z.enum(['ACCEPTED', 'DECLINED', 'TENTATIVE']),
  }),
]);
export type MeetingChange = z.infer<typeof meetingChangeSchema>;

export const eventDataSchemas = {
  CALENDAR_MEETING_SCHEDULED: meetingData,
  CALENDAR_MEETING_RESCHEDULED: meetingData.extend({
    previousMeetingDetails: meetingDetailsSchema,
  }),
  CALENDAR_MEETING_CANCELLED: meetingData.extend({
    cancelledBy: z.enum(cancelledByValues),
    cancellationReason: z.string().nullable(),
  }),
  CALENDAR_MEETING_UPDATED: meetingData.extend({
    changes: z.array(meetingChangeSchema).min(1),
  }),
  CALENDAR_AVAILABILITY_NOT_FOUND: z.object({
    ...conversationBase,
    searchedFrom: z.string(),
    searchedTo: z.string(),
  }),
  CALENDAR_MORE_TIME_REQUESTED: z.object({ ...conversationBase, message: z.string().nullable() }),
  CONVERSATION_STARTED: z.object({
    ...conversationBase,
    conversationStatus: z.enum(conversationStatuses),
  }),
  CONVERSATION_COMPLETED: z.object({
    ...conversationBase,
    conversationStatus: z.enum(conversationStatuses),
    /** Regular conversations with screening questions: each answer and whether it passed. */
    screeningQuestionsOutcome: z
      .array(z.object({ question: z.string(), answer: z.string(), passed: z.boolean() }))
      .optional(),
  }),
  CONVERSATION_OPTED_OUT: z.object({
    ...conversationBase,
    conversationStatus: z.enum(conversationStatuses),
  }),
  CONVERSATION_QUEUED: z.object({
    ...conversationBase,
    conversationStatus: z.enum(conversationStatuses),
  }),
  /** The agent asked for a human: `message` is the candidate's reply it could not answer. */
  CONVERSATION_NEEDS_REVIEW: z.object({
    ...conversationBase,
    conversationStatus: z.enum(conversationStatuses),
    message: z.string().nullable(),
  }),
  CONVERSATION_MAX_NUDGES_REACHED: z.object({
    ...conversationBase,
    conversationStatus: z.enum(conversationStatuses),
    nudgesSent: z.number().int(),
  }),
  START_CONVERSATION_FAILED: z.object({
    ...conversationBase,
    conversationStatus: z.enum(conversationStatuses),
    reason: z.string(),
  }),
  CALENDAR_CONNECTION_FAILED: z.object({
    organizationId: z.string(),
    email: z.string(),
    provider: z.enum(['GOOGLE', 'MICROSOFT']),
    reason: z.string(),
  }),
} satisfies Record<EventType, z.ZodType>;

export type EventData = { [K in EventType]: z.infer<(typeof eventDataSchemas)[K]> };

export function envelopeSchema<K extends EventType>(event: K) {
  return z.object({
    event: z.literal(event),
    eventId: z.string().meta({ example: 'evt_3f1c…' }),
    eventTimestamp: z.string(),
    data: eventDataSchemas[event],
  });
}
