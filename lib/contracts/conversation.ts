import { z } from 'zod';
import { channels } from './campaign';
import { toE164 } from '../domain/people/phone';
import { emailSchema, idSchema, nameSchema, optionalText } from './common';
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
  campaignId: idSchema.optional(),
  externalCampaignId: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .optional()
    .meta({ description: "Stands for campaignId: the campaign's externalId" }),
  firstName: nameSchema(100),
  lastName: optionalText(100),
  phoneNumber: z
    .string()
    .trim()
    .max(32)
    .nullish()
    .transform((v) => v || null)
    .meta({ example: '+14155550123', description: 'E.164, or national with countryCode' }),
  countryCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as US')
    .transform((v) => v.toUpperCase())
    .optional(),
  emailAddress: emailSchema.nullish().transform((v) => v ?? null),
  externalId: optionalText(255),
  shouldSendDuringBusinessHours: z.boolean().default(false).meta({
    description: "Hold messages until 09:00–18:00 on a weekday in the candidate's zone",
  }),
  closePreviousConversations: z.boolean().default(false).meta({
    description: 'Close every CREATED, QUEUED or ONGOING conversation with this contact first',
  }),
  customOpeningMessage: optionalText(600).meta({
    description:
      'Replaces the opening; on SMS it must contain STOP; not on WhatsApp. {{firstName}} and {{bookingUrl}} are filled in',
  }),
  applicationSource: optionalText(255),
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

/** Exactly one of campaignId and externalCampaignId; the phone as E.164 (countryCode reads it). */
function requireCampaignAndPhone(
  c: {
    campaignId?: string | undefined;
    externalCampaignId?: string | undefined;
    phoneNumber: string | null;
    countryCode?: string | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  if ((c.campaignId === undefined) === (c.externalCampaignId === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['campaignId'],
      message: 'give exactly one of campaignId or externalCampaignId',
    });
  }
  if (c.phoneNumber !== null && toE164(c.phoneNumber, c.countryCode) === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['phoneNumber'],
      message: c.countryCode
        ? `is not a phone number of ${c.countryCode}`
        : 'must be an E.164 phone number such as +14155550123 (or give countryCode)',
    });
  }
}

const normalizePhone = <T extends { phoneNumber: string | null; countryCode?: string | undefined }>(
  c: T,
): T => ({
  ...c,
  phoneNumber: c.phoneNumber === null ? null : toE164(c.phoneNumber, c.countryCode),
});

export const createConversationSchema = z
  .object(candidateFields)
  .superRefine(requireContact)
  .superRefine(requireCampaignAndPhone)
  .transform(normalizePhone)
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
  .superRefine(requireCampaignAndPhone)
  .superRefine(refineParticipantMethod)
  .transform(normalizePhone)
  .meta({ id: 'CreateSchedulingConversation' });
export type CreateSchedulingConversation = z.output<typeof createSchedulingConversationSchema>;

export const messageAuthors = ['AGENT', 'HUMAN', 'CANDIDATE', 'SYSTEM'] as const;

/** `POST /v1/conversations/{id}/messages`: a recruiter writes; the agent stops (takeover). */
export const sendMessageSchema = z
  .object({ body: z.string().trim().min(1, 'is required').max(1600) })
  .meta({ id: 'SendMessage' });

export const messageSchema = z
  .object({
    id: z.string(),
    direction: z.enum(['OUTBOUND', 'INBOUND']),
    channel: z.enum(channels),
    author: z
      .enum(messageAuthors)
      .meta({ description: 'AGENT, HUMAN (a recruiter), CANDIDATE or SYSTEM' }),
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
    shouldSendDuringBusinessHours: z.boolean(),
    applicationSource: z.string().nullable(),
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

/** `POST /v1/conversations/bulk`: up to 1000 contacts into one campaign, each on its own. */
export const bulkConversationsSchema = z
  .object({
    campaignId: idSchema.optional(),
    externalCampaignId: z.string().trim().min(1).max(255).optional(),
    shouldSendDuringBusinessHours: z.boolean().default(false),
    // Each contact is validated on its own: one bad row is refused in its result, not the batch.
    contacts: z
      .array(z.record(z.string(), z.unknown()))
      .min(1, 'must hold at least one contact')
      .max(1000, 'holds at most 1000 contacts'),
  })
  .superRefine((v, ctx) => {
    if ((v.campaignId === undefined) === (v.externalCampaignId === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['campaignId'],
        message: 'give exactly one of campaignId or externalCampaignId',
      });
  })
  .meta({ id: 'BulkConversations' });
export type BulkConversations = z.output<typeof bulkConversationsSchema>;

export const bulkResultSchema = z
  .object({
    results: z.array(
      z.object({
        index: z.number().int(),
        status: z.enum(['CREATED', 'REFUSED']),
        conversation: conversationSchema.optional(),
        error: z
          .object({
            code: z.string(),
            message: z.string(),
            details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
          })
          .optional(),
      }),
    ),
  })
  .meta({ id: 'BulkConversationsResult' });
export type BulkResult = z.infer<typeof bulkResultSchema>;
