import type { Channel } from '@/lib/contracts/campaign';

export type Attachment = { filename: string; contentType: string; content: string };

export type OutboundMessage = {
  organizationId: string;
  conversationId: string | null;
  channel: Channel;
  to: string;
  subject?: string | null;
  body: string;
  attachments?: Attachment[];
  /** Who wrote it; the agent unless a recruiter did (DESIGN §3 `author`). */
  author?: 'AGENT' | 'HUMAN' | 'SYSTEM';
  /** An email of an availability request (DESIGN §8): replies come back to the request. */
  availabilityRequestId?: string;
};

/** What a transport sends: the message without Parley's bookkeeping. */
export type Envelope = Pick<
  OutboundMessage,
  'channel' | 'to' | 'subject' | 'body' | 'attachments'
> & {
  from: string;
  /** Email: the conversation's reply address, so the candidate's answer comes back to it. */
  replyTo?: string;
  /** Email: our Message-ID for this message, which a reply names in In-Reply-To. */
  messageId?: string;
  /** WhatsApp: the candidate has not written in the last 24 hours (a template must open). */
  outsideSessionWindow?: boolean;
};

/** One way of sending a channel's messages. Vendor types stay inside each implementation. */
export type Transport = {
  name: string;
  /** The dev transport only records the message (the dashboard's outbox shows it). */
  isDev: boolean;
  send(message: Envelope): Promise<{ providerMessageId: string }>;
};
