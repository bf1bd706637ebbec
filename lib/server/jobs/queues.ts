import type { Queue } from 'pg-boss';

/**
 * Every pg-boss queue of the app, with its payload. Each payload names the organization whose rows
 * the job touches, and handlers look rows up scoped by it (DESIGN §1) — except the minute sweep,
 * a scheduled job over every organization, whose start jobs carry their organization in turn.
 */
export type JobPayloads = {
  'conversations.start': { organizationId: string; conversationId: string };
  'conversations.sweep': Record<string, never>;
  /** A reply's booking, move or cancel, if its process died before running it (reply-action.ts). */
  'conversations.reply-action': {
    organizationId: string;
    conversationId: string;
    messageId: string;
  };
  'messages.deliver': { organizationId: string; messageId: string };
  'messages.failed': { organizationId: string; messageId: string };
  'webhooks.deliver': { organizationId: string; deliveryId: string };
  /** Scheduled: deliveries whose job was lost get a new one (lib/server/webhooks/sweep-deliveries.ts). */
  'webhooks.sweep': Record<string, never>;
  'availability.refresh': { organizationId: string; emails: string[] };
  /** An availability request's email, once its gathering window has passed (DESIGN §8). */
  'availability.request': { organizationId: string; requestId: string };
  /** Creates, moves or cancels a meeting's event in the organizer's calendar (DESIGN §6). */
  'meetings.sync': { organizationId: string; meetingId: string };
  /** The candidate's reminder, `reminderMinutesBefore` the start it was scheduled for. */
  'meetings.remind': { organizationId: string; meetingId: string; startAt: string };
  /** Two minutes after a booking: announce it even if its calendar event does not exist yet. */
  'meetings.announce': { organizationId: string; meetingId: string };
  /** Scheduled: reads the events of upcoming meetings for attendee responses and late links. */
  'meetings.poll': Record<string, never>;
  'calendars.reconnect-email': { organizationId: string; connectionId: string };
};
export type QueueName = keyof JobPayloads;

/** Creation order matters: a dead-letter queue exists before the queue that uses it. */
export const queues: { name: QueueName; options?: Omit<Queue, 'name'> }[] = [
  { name: 'conversations.start', options: { retryLimit: 5, retryDelay: 10, retryBackoff: true } },
  { name: 'conversations.sweep' },
  {
    name: 'conversations.reply-action',
    options: { retryLimit: 5, retryDelay: 30, retryBackoff: true },
  },
  { name: 'messages.failed' },
  // A message that still fails after its retries goes to messages.failed.
  {
    name: 'messages.deliver',
    options: { retryLimit: 3, retryDelay: 30, retryBackoff: true, deadLetter: 'messages.failed' },
  },
  // Webhook deliveries schedule their own retries (DESIGN §5); pg-boss only recovers crashed jobs.
  // A worker killed mid-send leaves its job active: it expires after the longest attempt
  // (PARLEY_WEBHOOK_TIMEOUT_MS ≤ 60 s) plus the delivery's 30 s lease, and runs again; sooner,
  // the minute webhooks.sweep gives the delivery a new job once its lease has run out.
  { name: 'webhooks.deliver', options: { retryLimit: 2, expireInSeconds: 120 } },
  { name: 'webhooks.sweep' },
  { name: 'availability.refresh', options: { retryLimit: 3 } },
  // The minute sweep sends a request whose job was lost.
  { name: 'availability.request', options: { retryLimit: 3, retryDelay: 30 } },
  // A provider that fails is retried with backoff for about an hour (10 s, 20 s, 40 s, …).
  { name: 'meetings.sync', options: { retryLimit: 9, retryDelay: 10, retryBackoff: true } },
  { name: 'meetings.announce', options: { retryLimit: 5, retryDelay: 10, retryBackoff: true } },
  { name: 'meetings.poll' },
  { name: 'meetings.remind', options: { retryLimit: 5, retryDelay: 30, retryBackoff: true } },
  {
    name: 'calendars.reconnect-email',
    options: { retryLimit: 5, retryDelay: 30, retryBackoff: true },
  },
];
