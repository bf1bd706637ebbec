import { z } from 'zod';
import {
  conversationStatuses,
  schedulingStatuses,
  type ConversationStatus,
  type SchedulingStatus,
} from './conversation';
import { idSchema } from './common';

/**
 * The conversations list's URL (a plain GET form, so a filtered page can be linked and works
 * without JavaScript). A value that is not one of the choices is dropped, never an error page.
 */
export const conversationListQuerySchema = z.object({
  status: z.enum(conversationStatuses).optional().catch(undefined),
  schedulingStatus: z.enum(schedulingStatuses).optional().catch(undefined),
  campaignId: idSchema.optional().catch(undefined),
  needsReview: z
    .enum(['1'])
    .optional()
    .catch(undefined)
    .transform((v) => v === '1'),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  after: z.string().max(200).optional().catch(undefined),
  before: z.string().max(200).optional().catch(undefined),
});
export type ConversationListQuery = z.output<typeof conversationListQuerySchema>;

/** What the search box looks for, from the shape of what was typed. */
export type SearchTerm =
  | { kind: 'email'; value: string }
  | { kind: 'phone'; digits: string; raw: string }
  | { kind: 'name'; value: string; raw: string };

const PHONE = /^\+?[\d\s().-]+$/;

/** '@' → an email (prefix); digits (with + ( ) - spaces) → a phone number or an external id; else a name or an external id. */
export function readSearchTerm(q: string | undefined): SearchTerm | null {
  const raw = q?.trim();
  if (!raw) return null;
  if (raw.includes('@')) return { kind: 'email', value: raw.toLowerCase() };
  const digits = raw.replace(/\D/g, '');
  if (PHONE.test(raw) && digits.length >= 3) return { kind: 'phone', digits, raw };
  return { kind: 'name', value: raw.toLowerCase().replace(/\s+/g, ' '), raw };
}

export const closeConversationFormSchema = z.object({ conversationId: idSchema });
export const resendBookingLinkFormSchema = z.object({ conversationId: idSchema });
export const takeoverFormSchema = z.object({
  conversationId: idSchema,
  takeover: z.enum(['on', 'off']),
});
export const recruiterMessageFormSchema = z.object({
  conversationId: idSchema,
  body: z.string().trim().min(1, 'Write a message first').max(1600, 'At most 1600 characters'),
});
export const candidateReplyFormSchema = z.object({
  conversationId: idSchema,
  text: z.string().trim().min(1, 'Write the reply first').max(2000, 'At most 2000 characters'),
});

/** What the dashboard's conversation page shows (and polls, as JSON). */
export type ThreadMessage = {
  id: string;
  direction: 'OUTBOUND' | 'INBOUND';
  /**
   * Who wrote it: the candidate, the agent (to the candidate), a recruiter (HUMAN), or Parley to
   * someone else (SYSTEM: invitations to interviewers, requests for times).
   */
  author: 'AGENT' | 'HUMAN' | 'CANDIDATE' | 'SYSTEM';
  channel: 'SMS' | 'WHATSAPP' | 'EMAIL';
  to: string;
  subject: string | null;
  body: string;
  status: string;
  error: string | null;
  createdAt: string;
};

export type TimelineEvent = {
  id: string;
  event: string;
  createdAt: string;
  deliveries: {
    id: string;
    endpointUrl: string;
    status: 'PENDING' | 'SENDING' | 'SUCCEEDED' | 'FAILED';
    attemptCount: number;
    /** Of the last attempt, if any. */
    statusCode: number | null;
    durationMs: number | null;
    error: string | null;
  }[];
};

export type MeetingCard = {
  id: string;
  status: 'SCHEDULED' | 'CANCELLED';
  title: string;
  start: string;
  end: string;
  timezone: string;
  location: string | null;
  meetingUrl: string | null;
  isDevelopmentRoom: boolean;
  videoProvider: string | null;
  participants: { name: string; isOrganizer: boolean }[];
  cancellationReason: string | null;
};

export type ConversationPage = {
  id: string;
  candidate: string;
  emailAddress: string | null;
  phoneNumber: string | null;
  externalId: string | null;
  campaignId: string;
  campaignTitle: string | null;
  /** The campaign's channel: where the agent, and a recruiter who takes over, write. */
  channel: 'SMS' | 'WHATSAPP' | 'EMAIL';
  status: ConversationStatus;
  schedulingStatus: SchedulingStatus | null;
  needsReview: boolean;
  isHumanTakeover: boolean;
  bookingUrl: string | null;
  createdAt: string;
  messages: ThreadMessage[];
  timeline: TimelineEvent[];
  meeting: MeetingCard | null;
};
