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
};

/** What a transport sends: the message without Parley's bookkeeping. */
export type Envelope = Pick<
  OutboundMessage,
  'channel' | 'to' | 'subject' | 'body' | 'attachments'
> & {
  from: string;
};

/** One way of sending a channel's messages. Vendor types stay inside each implementation. */
export type Transport = {
  name: string;
  /** The dev transport only records the message (the dashboard's outbox shows it). */
  isDev: boolean;
  send(message: Envelope): Promise<{ providerMessageId: string }>;
};
