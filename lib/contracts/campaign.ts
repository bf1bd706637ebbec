import { z } from 'zod';
import type { ErrorDetail } from '@/lib/domain/errors';
import { e164Schema, idSchema, languages, nameSchema, optionalText } from './common';

export const campaignTypes = [
  'SCHEDULING',
  'APPLICANT_OUTREACH',
  'NEW_CANDIDATE_OUTREACH',
  'ENGAGEMENT_OUTREACH',
] as const;
export const channels = ['SMS', 'WHATSAPP', 'EMAIL'] as const;
export type Channel = (typeof channels)[number];
export const closingMethods = [
  'CALENDAR_MEETING_INTEGRATION',
  'CUSTOM',
  'PHONE_NUMBER',
  'MEETING_URL',
] as const;
export const agentTones = ['FRIENDLY', 'PROFESSIONAL', 'CASUAL'] as const;
export const campaignStatuses = ['LIVE', 'DRAFT'] as const;

const httpsUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2000)
  .meta({ example: 'https://example.com/call' });

export const nudgesSchema = z
  .object({
    count: z.number().int().min(0).max(5).optional(),
    intervalHours: z.number().int().min(4).max(720).optional(),
  })
  .meta({ description: 'Reminders to a candidate who has not answered (default 2, every 24 h)' });
export type Nudges = { count: number; intervalHours: number };
export const defaultNudges: Nudges = { count: 2, intervalHours: 24 };

/**
 * A screening question (DESIGN §3): free text, or `{ text, kind, knockout? }` where a knockout
 * ends the conversation COMPLETED_SCREENING_FAILED when the answer misses it.
 */
export const screeningQuestionSchema = z.union([
  z.string().trim().min(1).max(500),
  z
    .object({
      text: z.string().trim().min(1).max(500),
      kind: z.enum(['YES_NO', 'NUMBER', 'FREE_TEXT']),
      knockout: z
        .union([
          z.object({ expected: z.enum(['YES', 'NO']) }).strict(),
          z
            .object({ min: z.number().optional(), max: z.number().optional() })
            .strict()
            .refine((k) => k.min !== undefined || k.max !== undefined, 'give min, max or both')
            .refine(
              (k) => k.min === undefined || k.max === undefined || k.min <= k.max,
              'min must not be above max',
            ),
        ])
        .optional(),
    })
    .strict()
    .superRefine((q, ctx) => {
      if (!q.knockout) return;
      const yesNo = 'expected' in q.knockout;
      if ((q.kind === 'YES_NO') !== yesNo || q.kind === 'FREE_TEXT')
        ctx.addIssue({
          code: 'custom',
          path: ['knockout'],
          message:
            q.kind === 'FREE_TEXT'
              ? 'a FREE_TEXT question has no knockout'
              : q.kind === 'YES_NO'
                ? 'a YES_NO knockout is { expected: YES | NO }'
                : 'a NUMBER knockout is { min?, max? }',
        });
    }),
]);
export type ScreeningQuestion = z.infer<typeof screeningQuestionSchema>;

/** Every writable campaign field, without defaults: create adds them, update merges. */
const campaignFields = z.object({
  campaignTitle: nameSchema(200),
  campaignDescription: optionalText(5000),
  campaignType: z.enum(campaignTypes),
  channel: z.enum(channels),
  calendarMeetingTemplateId: idSchema.nullish(),
  closingMethod: z.enum(closingMethods),
  customMessage: optionalText(2000),
  contactNumber: e164Schema.nullish(),
  meetingUrl: httpsUrl.nullish(),
  company: optionalText(200),
  position: optionalText(200),
  location: optionalText(500),
  questions: z.array(screeningQuestionSchema).max(20),
  agentName: optionalText(100),
  agentTone: z.enum(agentTones),
  conversationTimeoutHours: z.number().int().min(24).max(8760),
  status: z.enum(campaignStatuses),
  externalId: optionalText(255),
  language: z
    .enum(languages)
    .meta({ description: 'What the agent writes and the booking page speaks (default en)' }),
  closingMessage: optionalText(2000).meta({
    description: 'Sent when a regular conversation completes',
  }),
  rejectionMessage: optionalText(2000).meta({
    description: 'Sent when a knockout answer fails',
  }),
  agentInstructions: z
    .string()
    .trim()
    .min(10)
    .max(5000)
    .nullish()
    .meta({ description: 'What the agent may say about the role (at least 10 characters)' }),
  nudges: nudgesSchema,
});

export type CampaignValues = Omit<
  {
    [K in keyof z.output<typeof campaignFields>]-?: Exclude<
      z.output<typeof campaignFields>[K],
      undefined
    >;
  },
  'nudges'
> & { nudges: Nudges };

/** `nudges` as given over `base` (a field left out keeps its value). */
export function withNudgeDefaults(
  base: Nudges,
  given: { count?: number; intervalHours?: number } | null | undefined,
): Nudges {
  return {
    count: given?.count ?? base.count,
    intervalHours: given?.intervalHours ?? base.intervalHours,
  };
}

/** Rules across fields, checked on create and on the merged result of an update. */
export function checkCampaign(c: CampaignValues): ErrorDetail[] {
  const issues: ErrorDetail[] = [];
  if (c.closingMethod === 'CUSTOM' && !c.customMessage) {
    issues.push({ path: 'customMessage', message: 'is required when closingMethod is CUSTOM' });
  }
  if (c.closingMethod === 'PHONE_NUMBER' && !c.contactNumber) {
    issues.push({
      path: 'contactNumber',
      message: 'is required when closingMethod is PHONE_NUMBER',
    });
  }
  if (c.closingMethod === 'MEETING_URL' && !c.meetingUrl) {
    issues.push({ path: 'meetingUrl', message: 'is required when closingMethod is MEETING_URL' });
  }
  if (c.calendarMeetingTemplateId && c.questions.length > 0) {
    issues.push({
      path: 'questions',
      message: 'are not allowed on a campaign with calendarMeetingTemplateId',
    });
  }
  return issues;
}

/** What a string must hold to count as given (optionalText turns blank into null). */
const givenText = { type: 'string', pattern: '\\S' };

/**
 * checkCampaign's rules for a create request, in JSON Schema (the OpenAPI document), so that a
 * generated client or a fuzzer meets them: exactly one closing method, with its companion field.
 */
const checkCampaignAsJsonSchema = {
  oneOf: [
    { properties: { closingMethod: { const: 'CALENDAR_MEETING_INTEGRATION' } } },
    {
      properties: { closingMethod: { const: 'CUSTOM' }, customMessage: givenText },
      required: ['closingMethod', 'customMessage'],
    },
    {
      properties: { closingMethod: { const: 'PHONE_NUMBER' }, contactNumber: { type: 'string' } },
      required: ['closingMethod', 'contactNumber'],
    },
    {
      properties: { closingMethod: { const: 'MEETING_URL' }, meetingUrl: { type: 'string' } },
      required: ['closingMethod', 'meetingUrl'],
    },
  ],
  if: {
    properties: { calendarMeetingTemplateId: { type: 'string' } },
    required: ['calendarMeetingTemplateId'],
  },
  then: { properties: { questions: { maxItems: 0 } } },
};

export const createCampaignSchema = campaignFields
  .partial()
  .required({ campaignTitle: true, channel: true })
  .transform((c): CampaignValues => ({
    campaignTitle: c.campaignTitle,
    campaignDescription: c.campaignDescription ?? null,
    campaignType: c.campaignType ?? 'SCHEDULING',
    channel: c.channel,
    calendarMeetingTemplateId: c.calendarMeetingTemplateId ?? null,
    closingMethod: c.closingMethod ?? 'CALENDAR_MEETING_INTEGRATION',
    customMessage: c.customMessage ?? null,
    contactNumber: c.contactNumber ?? null,
    meetingUrl: c.meetingUrl ?? null,
    company: c.company ?? null,
    position: c.position ?? null,
    location: c.location ?? null,
    questions: c.questions ?? [],
    agentName: c.agentName ?? null,
    agentTone: c.agentTone ?? 'FRIENDLY',
    conversationTimeoutHours: c.conversationTimeoutHours ?? 48,
    status: c.status ?? 'LIVE',
    externalId: c.externalId ?? null,
    language: c.language ?? 'en',
    closingMessage: c.closingMessage ?? null,
    rejectionMessage: c.rejectionMessage ?? null,
    agentInstructions: c.agentInstructions ?? null,
    nudges: withNudgeDefaults(defaultNudges, c.nudges),
  }))
  .superRefine((c, ctx) => {
    for (const issue of checkCampaign(c)) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
  })
  .meta({ id: 'CreateCampaign', ...checkCampaignAsJsonSchema });

export const updateCampaignSchema = campaignFields
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field')
  .meta({ id: 'UpdateCampaign' });
export type CampaignPatch = z.output<typeof updateCampaignSchema>;

export const campaignSchema = z
  .object({
    id: z.string(),
    campaignTitle: z.string(),
    campaignDescription: z.string().nullable(),
    campaignType: z.enum(campaignTypes),
    channel: z.enum(channels),
    calendarMeetingTemplateId: z.string().nullable(),
    closingMethod: z.enum(closingMethods),
    customMessage: z.string().nullable(),
    contactNumber: z.string().nullable(),
    meetingUrl: z.string().nullable(),
    company: z.string().nullable(),
    position: z.string().nullable(),
    location: z.string().nullable(),
    questions: z.array(screeningQuestionSchema),
    agentName: z.string().nullable(),
    agentTone: z.enum(agentTones),
    conversationTimeoutHours: z.number().int(),
    status: z.enum(campaignStatuses),
    externalId: z.string().nullable(),
    language: z.enum(languages),
    closingMessage: z.string().nullable(),
    rejectionMessage: z.string().nullable(),
    agentInstructions: z.string().nullable(),
    nudges: z.object({ count: z.number().int(), intervalHours: z.number().int() }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof campaignSchema>;

export const listCampaignsQuerySchema = z.object({
  status: z.enum(campaignStatuses).optional(),
});
