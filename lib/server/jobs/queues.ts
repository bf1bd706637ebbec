import type { Queue } from 'pg-boss';

/**
 * Every pg-boss queue of the app, with its payload. Each payload names the organization whose rows
 * the job touches, and handlers look rows up scoped by it (DESIGN §1) — except the minute sweep,
 * a scheduled job over every organization, whose start jobs carry their organization in turn.
 */
export type JobPayloads = {
  'conversations.start': { organizationId: string; conversationId: string };
  'conversations.sweep': Record<string, never>;
  'messages.deliver': { organizationId: string; messageId: string };
  'messages.failed': { organizationId: string; messageId: string };
  'webhooks.deliver': { organizationId: string; deliveryId: string };
  'availability.refresh': { organizationId: string; emails: string[] };
};
export type QueueName = keyof JobPayloads;

/** Creation order matters: a dead-letter queue exists before the queue that uses it. */
export const queues: { name: QueueName; options?: Omit<Queue, 'name'> }[] = [
  { name: 'conversations.start', options: { retryLimit: 5, retryDelay: 10, retryBackoff: true } },
  { name: 'conversations.sweep' },
  { name: 'messages.failed' },
  // A message that still fails after its retries goes to messages.failed.
  {
    name: 'messages.deliver',
    options: { retryLimit: 3, retryDelay: 30, retryBackoff: true, deadLetter: 'messages.failed' },
  },
  // Webhook deliveries schedule their own retries (DESIGN §5); pg-boss only recovers crashed jobs.
  { name: 'webhooks.deliver', options: { retryLimit: 2 } },
  { name: 'availability.refresh', options: { retryLimit: 3 } },
];
