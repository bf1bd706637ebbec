import { z } from 'zod';
import {
  campaignSchema,
  createCampaignSchema,
  listCampaignsQuerySchema,
  updateCampaignSchema,
} from './campaign';
import {
  BOOKING_TOKEN_PATTERN,
  errorBodySchema,
  listSchema,
  paginationQuerySchema,
} from './common';
import {
  conversationDetailSchema,
  conversationSchema,
  createConversationSchema,
  createSchedulingConversationSchema,
  listConversationsQuerySchema,
  messageSchema,
  sendMessageSchema,
  bulkConversationsSchema,
  bulkResultSchema,
  resendBookingUrlResultSchema,
  resendBookingUrlSchema,
} from './conversation';
import {
  bookingInfoSchema,
  bookingResultSchema,
  bookSlotSchema,
  cancelSchema,
  bookingRescheduleSchema,
  rescheduleSchema,
  slotsQuerySchema,
  slotsSchema,
} from './booking';
import { meetingSchema } from './meeting-record';
import {
  createWebhookSchema,
  rotateSecretSchema,
  testDeliverySchema,
  updateWebhookSchema,
  webhookDeliverySchema,
  webhookSchema,
  webhookWithSecretSchema,
} from './webhooks';
import {
  inviteUserCalendarSchema,
  parseAvailabilitySchema,
  parsedAvailabilitySchema,
  saveAvailabilitySchema,
  userCalendarInviteSchema,
  userCalendarSchema,
} from './user-calendars';
import {
  createMeetingTemplateSchema,
  meetingTemplateSchema,
  updateMeetingTemplateSchema,
} from './meeting-template';

/** OpenAPI 3.1 from the same zod schemas that validate requests (served at /v1/openapi.json). */

type Operation = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  /** Status → schema (null: no body). */
  responses: Record<number, z.ZodType | null>;
  /** false for the public booking endpoints. */
  auth?: boolean;
};

const list = (item: z.ZodType, id: string) => listSchema(item).meta({ id });

export const operations: Operation[] = [
  {
    method: 'post',
    path: '/v1/campaigns',
    summary: 'Create a campaign',
    tag: 'Campaigns',
    body: createCampaignSchema,
    responses: { 201: campaignSchema },
  },
  {
    method: 'get',
    path: '/v1/campaigns',
    summary: 'List campaigns',
    tag: 'Campaigns',
    query: paginationQuerySchema.extend(listCampaignsQuerySchema.shape),
    responses: { 200: list(campaignSchema, 'CampaignList') },
  },
  {
    method: 'get',
    path: '/v1/campaigns/{id}',
    summary: 'Get a campaign',
    tag: 'Campaigns',
    responses: { 200: campaignSchema },
  },
  {
    method: 'patch',
    path: '/v1/campaigns/{id}',
    summary: 'Update a campaign',
    tag: 'Campaigns',
    body: updateCampaignSchema,
    responses: { 200: campaignSchema },
  },
  {
    method: 'delete',
    path: '/v1/campaigns/{id}',
    summary: 'Archive a campaign',
    tag: 'Campaigns',
    responses: { 204: null },
  },
  {
    method: 'post',
    path: '/v1/meeting-templates',
    summary: 'Create a meeting template',
    tag: 'Meeting templates',
    body: createMeetingTemplateSchema,
    responses: { 201: meetingTemplateSchema },
  },
  {
    method: 'get',
    path: '/v1/meeting-templates',
    summary: 'List meeting templates',
    tag: 'Meeting templates',
    query: paginationQuerySchema,
    responses: { 200: list(meetingTemplateSchema, 'MeetingTemplateList') },
  },
  {
    method: 'get',
    path: '/v1/meeting-templates/{id}',
    summary: 'Get a meeting template',
    tag: 'Meeting templates',
    responses: { 200: meetingTemplateSchema },
  },
  {
    method: 'patch',
    path: '/v1/meeting-templates/{id}',
    summary: 'Update a meeting template',
    tag: 'Meeting templates',
    body: updateMeetingTemplateSchema,
    responses: { 200: meetingTemplateSchema },
  },
  {
    method: 'delete',
    path: '/v1/meeting-templates/{id}',
    summary: 'Archive a meeting template (refused while a campaign uses it)',
    tag: 'Meeting templates',
    responses: { 204: null },
  },
  {
    method: 'post',
    path: '/v1/conversations',
    summary:
      'Start a conversation in a campaign (auto-schedule when the campaign has a meeting template)',
    tag: 'Conversations',
    body: createConversationSchema,
    responses: { 201: conversationSchema },
  },
  {
    method: 'post',
    path: '/v1/scheduling/conversations',
    summary: 'Start an auto-schedule conversation with its own participants and configuration',
    tag: 'Conversations',
    body: createSchedulingConversationSchema,
    responses: { 201: conversationSchema },
  },
  {
    method: 'get',
    path: '/v1/conversations',
    summary: 'List conversations',
    tag: 'Conversations',
    query: paginationQuerySchema.extend(listConversationsQuerySchema.shape),
    responses: { 200: list(conversationSchema, 'ConversationList') },
  },
  {
    method: 'get',
    path: '/v1/conversations/{id}',
    summary: 'Get a conversation with its messages and meeting',
    tag: 'Conversations',
    responses: { 200: conversationDetailSchema },
  },
  {
    method: 'post',
    path: '/v1/conversations/{id}/close',
    summary: 'Close a conversation (cancels its meeting)',
    tag: 'Conversations',
    responses: { 200: conversationDetailSchema },
  },
  {
    method: 'post',
    path: '/v1/conversations/bulk',
    summary:
      'Start up to 1000 conversations in one campaign; each contact is created or refused on its own',
    tag: 'Conversations',
    body: bulkConversationsSchema,
    responses: { 200: bulkResultSchema },
  },
  {
    method: 'get',
    path: '/v1/conversations/{id}/messages',
    summary: 'The thread of a conversation, oldest first (who wrote each message: author)',
    tag: 'Conversations',
    query: paginationQuerySchema,
    responses: { 200: list(messageSchema, 'MessageList') },
  },
  {
    method: 'post',
    path: '/v1/conversations/{id}/messages',
    summary:
      'A recruiter writes to the candidate on the campaign channel; the conversation is taken over (the agent stops)',
    tag: 'Conversations',
    body: sendMessageSchema,
    responses: { 201: messageSchema },
  },
  {
    method: 'post',
    path: '/v1/conversations/{id}/takeover',
    summary: 'Stop the agent: it sends nothing (no nudges either) and only records replies',
    tag: 'Conversations',
    responses: { 200: conversationDetailSchema },
  },
  {
    method: 'post',
    path: '/v1/conversations/{id}/handback',
    summary: 'Resume the agent after a takeover (follow-ups count again from now)',
    tag: 'Conversations',
    responses: { 200: conversationDetailSchema },
  },
  {
    method: 'post',
    path: '/v1/scheduling/resend-booking-url',
    summary:
      'Send the candidate their booking link again (a new message, same link); 409 when the conversation has ended, is booked or has no link',
    tag: 'Conversations',
    body: resendBookingUrlSchema,
    responses: { 200: resendBookingUrlResultSchema },
  },
  {
    method: 'get',
    path: '/v1/meetings/{id}',
    summary: 'Get a meeting',
    tag: 'Meetings',
    responses: { 200: meetingSchema },
  },
  {
    method: 'post',
    path: '/v1/meetings/{id}/cancel',
    summary: 'Cancel a meeting (recruiter)',
    tag: 'Meetings',
    body: cancelSchema,
    responses: { 200: meetingSchema },
  },
  {
    method: 'post',
    path: '/v1/meetings/{id}/reschedule',
    summary: 'Move a meeting to another offered start (recruiter)',
    tag: 'Meetings',
    body: rescheduleSchema,
    responses: { 200: meetingSchema },
  },
  {
    method: 'get',
    path: '/v1/booking/{token}',
    summary: 'What the booking page shows (public: the token is the credential)',
    tag: 'Booking',
    auth: false,
    responses: { 200: bookingInfoSchema },
  },
  {
    method: 'get',
    path: '/v1/booking/{token}/slots',
    summary: 'Offered starts between two dates of a time zone (inclusive, at most 62 days)',
    tag: 'Booking',
    auth: false,
    query: slotsQuerySchema,
    responses: { 200: slotsSchema },
  },
  {
    method: 'post',
    path: '/v1/booking/{token}',
    summary: 'Book an offered start',
    tag: 'Booking',
    auth: false,
    body: bookSlotSchema,
    responses: { 201: bookingResultSchema },
  },
  {
    method: 'post',
    path: '/v1/booking/{token}/reschedule',
    summary: 'The candidate moves the meeting',
    tag: 'Booking',
    auth: false,
    body: bookingRescheduleSchema,
    responses: { 200: bookingResultSchema },
  },
  {
    method: 'post',
    path: '/v1/booking/{token}/cancel',
    summary: 'The candidate cancels the meeting',
    tag: 'Booking',
    auth: false,
    body: cancelSchema,
    responses: { 200: bookingResultSchema },
  },
  {
    method: 'get',
    path: '/v1/user-calendars',
    summary: 'List the people of the organization with their calendar connection',
    tag: 'User calendars',
    query: paginationQuerySchema,
    responses: { 200: list(userCalendarSchema, 'UserCalendarList') },
  },
  {
    method: 'get',
    path: '/v1/user-calendars/{id}',
    summary: 'Get a person and their calendar connection',
    tag: 'User calendars',
    responses: { 200: userCalendarSchema },
  },
  {
    method: 'put',
    path: '/v1/user-calendars/{id}/availability',
    summary:
      "Save a person's availability: every conversation waiting for it leaves AWAITING_AVAILABILITY and its candidate gets the booking link",
    tag: 'User calendars',
    body: saveAvailabilitySchema,
    responses: { 200: userCalendarSchema },
  },
  {
    method: 'post',
    path: '/v1/scheduling/availability/parse',
    summary:
      'Read free text as availability (weekdays, dates, ranges, parts of day, exclusions; five languages); saves nothing',
    tag: 'User calendars',
    body: parseAvailabilitySchema,
    responses: { 200: parsedAvailabilitySchema },
  },
  {
    method: 'post',
    path: '/v1/user-calendars/invite',
    summary:
      'Email a person a link to connect their Google or Microsoft calendar (the link is returned even if the email could not be sent)',
    tag: 'User calendars',
    body: inviteUserCalendarSchema,
    responses: { 201: userCalendarInviteSchema },
  },
  {
    method: 'post',
    path: '/v1/webhooks',
    summary: 'Register a webhook endpoint (the secret is returned once)',
    tag: 'Webhooks',
    body: createWebhookSchema,
    responses: { 201: webhookWithSecretSchema },
  },
  {
    method: 'get',
    path: '/v1/webhooks',
    summary: 'List webhook endpoints',
    tag: 'Webhooks',
    query: paginationQuerySchema,
    responses: { 200: list(webhookSchema, 'WebhookList') },
  },
  {
    method: 'get',
    path: '/v1/webhooks/{id}',
    summary: 'Get a webhook endpoint',
    tag: 'Webhooks',
    responses: { 200: webhookSchema },
  },
  {
    method: 'patch',
    path: '/v1/webhooks/{id}',
    summary: 'Change a webhook endpoint (status ACTIVE re-enables it)',
    tag: 'Webhooks',
    body: updateWebhookSchema,
    responses: { 200: webhookSchema },
  },
  {
    method: 'delete',
    path: '/v1/webhooks/{id}',
    summary: 'Delete a webhook endpoint',
    tag: 'Webhooks',
    responses: { 204: null },
  },
  {
    method: 'get',
    path: '/v1/webhooks/{id}/deliveries',
    summary: 'Deliveries of an endpoint with every attempt',
    tag: 'Webhooks',
    query: paginationQuerySchema,
    responses: { 200: list(webhookDeliverySchema, 'WebhookDeliveryList') },
  },
  {
    method: 'post',
    path: '/v1/webhooks/{id}/test',
    summary: 'Send a WEBHOOK_TEST event now and report the outcome',
    tag: 'Webhooks',
    responses: { 200: testDeliverySchema },
  },
  {
    method: 'post',
    path: '/v1/webhooks/{id}/rotate-secret',
    summary: 'New signing secret; the old one keeps signing during the grace period',
    tag: 'Webhooks',
    body: rotateSecretSchema,
    responses: { 200: webhookWithSecretSchema },
  },
];

type JsonSchema = Record<string, unknown>;

function collect(
  schema: z.ZodType,
  io: 'input' | 'output',
  components: Record<string, JsonSchema>,
): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as JsonSchema;
  const rewritten = JSON.parse(
    JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/'),
  ) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  for (const [name, def] of Object.entries(rewritten.$defs ?? {})) components[name] ??= def;
  const { $schema: _schema, $defs: _defs, ...rest } = rewritten;
  return rest;
}

const errorResponses = {
  400: 'Invalid input (validation_error, invalid_json)',
  401: 'Missing or invalid x-api-key / x-organization-id',
  404: 'Not found (or belongs to another organization)',
  409: 'Conflict (conflict, slot_unavailable, idempotency_mismatch)',
  413: 'Body larger than 1 MB',
  429: 'Rate limited (rate_limited): wait Retry-After seconds',
};

/** What the server accepts in each path parameter; anything else is a 404 (DESIGN §2). */
const pathParameterSchemas: Record<string, JsonSchema> = {
  id: {
    type: 'string',
    format: 'uuid',
    pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  },
  token: { type: 'string', pattern: BOOKING_TOKEN_PATTERN.source },
};

/** On every response of an endpoint (DESIGN §2 rate limits). */
const rateLimitHeaders = {
  'x-ratelimit-limit': {
    description: 'Requests allowed per minute (per API key; per booking token and client address)',
    schema: { type: 'integer', minimum: 1 },
  },
  'x-ratelimit-remaining': {
    description: 'Requests left in the current minute',
    schema: { type: 'integer', minimum: 0 },
  },
  'x-ratelimit-reset': {
    description: 'When the current minute ends (Unix seconds)',
    schema: { type: 'integer' },
  },
};

const authHeaders = [
  {
    name: 'x-api-key',
    in: 'header',
    required: true,
    description: 'An API key of the organization (also declared as security scheme apiKey)',
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  },
  {
    name: 'x-organization-id',
    in: 'header',
    required: true,
    description: 'The id of the organization the key belongs to',
    schema: pathParameterSchemas.id,
  },
];

export function buildOpenApiDocument(serverUrl: string): Record<string, unknown> {
  const components: Record<string, JsonSchema> = {};
  const errorRef = collect(errorBodySchema, 'output', components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: pathParameterSchemas[m[1]!] ?? { type: 'string', minLength: 1 },
    }));
    const queryParams = op.query
      ? Object.entries(
          (collect(op.query, 'input', components).properties ?? {}) as Record<string, JsonSchema>,
        ).map(([name, schema]) => ({ name, in: 'query', required: false, schema }))
      : [];
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(op.responses)) {
      responses[status] = schema
        ? {
            description: 'OK',
            headers: rateLimitHeaders,
            content: { 'application/json': { schema: collect(schema, 'output', components) } },
          }
        : { description: 'No content', headers: rateLimitHeaders };
    }
    for (const [status, description] of Object.entries(errorResponses)) {
      if (status === '401' && op.auth === false) continue;
      responses[status] = {
        description,
        headers:
          status === '429'
            ? {
                ...rateLimitHeaders,
                'retry-after': {
                  description: 'Seconds until the limit lets requests through again',
                  schema: { type: 'integer', minimum: 1 },
                },
              }
            : rateLimitHeaders,
        content: { 'application/json': { schema: errorRef } },
      };
    }
    const operation: Record<string, unknown> = {
      operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, c?: string) => (c ? c.toUpperCase() : ''))}`,
      summary: op.summary,
      tags: [op.tag],
      parameters: [
        ...pathParams,
        ...queryParams,
        ...(op.auth === false ? [] : authHeaders),
        ...(op.method === 'post'
          ? [
              {
                name: 'Idempotency-Key',
                in: 'header',
                required: false,
                description:
                  'The same key with the same body within 24 h returns the first response',
                schema: {
                  type: 'string',
                  minLength: 1,
                  maxLength: 255,
                  pattern: '^\\s*[\\x21-\\x7e]+\\s*$',
                },
              },
            ]
          : []),
      ],
      responses,
      ...(op.auth === false ? { security: [] } : {}),
    };
    if (op.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: collect(op.body, 'input', components) } },
      };
    }
    paths[op.path] ??= {};
    paths[op.path]![op.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version: '1.0.0',
      description:
        'Parley books interviews with candidates. Authenticate with the x-api-key and x-organization-id headers.',
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [], organizationId: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        organizationId: { type: 'apiKey', in: 'header', name: 'x-organization-id' },
      },
    },
  };
}
