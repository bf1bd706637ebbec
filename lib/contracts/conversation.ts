import { z } from 'zod';
import { channels } from './campaign';
import { e164Schema, emailSchema, idSchema, nameSchema, optionalText } from './common';
import {
  availabilityMethodSchema,
  meetingConfigurationInputSchema,
  refineParticipantMethod,
  meetingConfigurationSchema,
  meetingParticipantSchema,
  meetingParticipantsInputSchema,
} from './meeting';
import { meetingSchema } from './meeting-record';

export const conversationStatuses = [
  'CREATED',
  'QUEUED',
  'ONGOING',
  'COMPLETED',
  'COMPLETED_SCREENING_PASSED',
  'COMPLETED_SCREENING_FAILED',
  'CLOSED',
  'OPTED_OUT',
  'DELIVERY_FAILED',
] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];
/** A conversation in one of these still talks (or will talk) to its candidate. */
export const activeConversationStatuses = ['CREATED', 'QUEUED', 'ONGOING'] as const;

export const schedulingStatuses = [
  'AWAITING_AVAILABILITY',
  'LINK_SENT',
  'SCHEDULED',
  'CANCELLED',
  'NO_AVAILABILITY',
] as const;
export type SchedulingStatus = (typeof schedulingStatuses)[number];

const candidateFields = {
  campaignId: idSchema,
  firstName: nameSchema(100),
  lastName: optionalText(100),
  phoneNumber: e164Schema.nullish().transform((v) => v ?? null),
  emailAddress: emailSchema.nullish().transform((v) => v ?? null),
  externalId: optionalText(255),
};

function requireContact(
  c: { phoneNumber: string | null; emailAddress: string | null },
  ctx: z.RefinementCtx,
): void {
  if (!c.phoneNumber && !c.emailAddress) {
    ctx.addIssue({
      code: 'custom',
      path: ['phoneNumber'],
      message: 'phoneNumber or emailAddress is required',
    });
  }
}

export const createConversationSchema = z
  .object(candidateFields)
  .superRefine(requireContact)
  .meta({ id: 'CreateConversation' });
export type CreateConversation = z.output<typeof createConversationSchema>;

export const createSchedulingConversationSchema = z
  .object({
    ...candidateFields,
    availabilityMethod: availabilityMethodSchema.default('COLLECTIVE'),
    meetingParticipants: meetingParticipantsInputSchema,
    meetingConfiguration: meetingConfigurationInputSchema,
  })
  .superRefine(requireContact)
  .superRefine(refineParticipantMethod)
  .meta({ id: 'CreateSchedulingConversation' });
export type CreateSchedulingConversation = z.output<typeof createSchedulingConversationSchema>;

export const messageSchema = z
  .object({
    id: z.string(),
    direction: z.enum(['OUTBOUND', 'INBOUND']),
    channel: z.enum(channels),
    body: z.string(),
    status: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof messageSchema>;

export const conversationSchema = z
  .object({
    id: z.string(),
    status: z.enum(conversationStatuses),
    schedulingStatus: z.enum(schedulingStatuses).nullable(),
    campaignId: z.string(),
    firstName: z.string(),
    lastName: z.string().nullable(),
    phoneNumber: z.string().nullable(),
    emailAddress: z.string().nullable(),
    externalId: z.string().nullable(),
    bookingUrl: z.string().nullable(),
    needsReview: z.boolean().meta({ description: 'The agent asked for a human to step in' }),
    isHumanTakeover: z
      .boolean()
      .meta({ description: 'A recruiter took the conversation over; the agent sends nothing' }),
    candidateTimezone: z
      .string()
      .nullable()
      .meta({ description: 'The zone the candidate chose on the booking page, once they have' }),
    availabilityMethod: availabilityMethodSchema.nullable().meta({
      description: 'How the participants are scheduled; null for a regular conversation',
    }),
    meetingParticipants: z.array(meetingParticipantSchema),
    meetingConfiguration: meetingConfigurationSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Conversation' });
export type Conversation = z.infer<typeof conversationSchema>;

export const conversationDetailSchema = conversationSchema
  .extend({ messages: z.array(messageSchema), meeting: meetingSchema.nullable() })
  .meta({ id: 'ConversationDetail' });
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;

export const listConversationsQuerySchema = z.object({
  status: z.enum(conversationStatuses).optional(),
  externalId: z.string().max(255).optional(),
  campaignId: idSchema.optional(),
});

/** `POST /v1/scheduling/resend-booking-url`: the conversation by its id or by its externalId. */
export const resendBookingUrlSchema = z
  .object({
    conversationId: idSchema.optional(),
    externalConversationId: z.string().trim().min(1).max(255).optional(),
  })
  .superRefine((v, ctx) => {
    const given =
      Number(v.conversationId !== undefined) + Number(v.externalConversationId !== undefined);
    if (given !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['conversationId'],
        message: 'give exactly one of conversationId or externalConversationId',
      });
    }
  })
  .meta({ id: 'ResendBookingUrl' });
export type ResendBookingUrl = z.output<typeof resendBookingUrlSchema>;

export const resendBookingUrlResultSchema = z
  .object({
    conversationId: z.string(),
    bookingUrl: z.string(),
    message: messageSchema,
  })
  .meta({ id: 'ResendBookingUrlResult' });
export type ResendBookingUrlResult = z.infer<typeof resendBookingUrlResultSchema>;
