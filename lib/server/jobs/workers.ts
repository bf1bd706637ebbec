import 'server-only';
import { now } from '@/lib/server/clock';
import { getDb } from '@/lib/server/db/client';
import { deliverMessage } from '@/lib/server/channels/deliver-message';
import { markMessageFailed } from '@/lib/server/channels/message-failed';
import { startConversation } from '@/lib/server/services/conversations/start-conversation';
import { sweepUnstartedConversations } from '@/lib/server/services/conversations/sweep-unstarted';
import { resumeReplyAction } from '@/lib/server/services/agent/reply-action';
import { runDueFollowUps } from '@/lib/server/services/agent/run-follow-ups';
import {
  runAvailabilityRequests,
  stepRequestById,
} from '@/lib/server/services/availability/run-availability-requests';
import { refreshConversationsSharing } from '@/lib/server/services/booking/availability-status';
import { announceWithoutEvent, syncMeetingCalendar } from '@/lib/server/calendar/meeting-sync';
import { pollMeetingEvents } from '@/lib/server/calendar/poll-meeting-events';
import { sendMeetingReminder } from '@/lib/server/services/meetings/meeting-reminder';
import { log } from '@/lib/server/log';
import { sendReconnectEmail } from '@/lib/server/services/user-calendars/send-reconnect-email';
import { deliverWebhook } from '@/lib/server/webhooks/deliver-webhook';
import { sweepStalledDeliveries } from '@/lib/server/webhooks/sweep-deliveries';
import { startBoss } from './boss';
import type { JobPayloads, QueueName } from './queues';

type Handler<Q extends QueueName> = (data: JobPayloads[Q]) => Promise<void>;

const handlers: { [Q in QueueName]?: Handler<Q> } = {
  'conversations.start': async ({ organizationId, conversationId }) => {
    await startConversation(getDb(), { organizationId, conversationId, now: now() });
  },
  'conversations.sweep': async () => {
    await sweepUnstartedConversations(getDb(), now());
    await runDueFollowUps(getDb(), now());
    await runAvailabilityRequests(getDb(), now());
  },
  'conversations.reply-action': ({ organizationId, conversationId, messageId }) =>
    resumeReplyAction(getDb(), { organizationId, conversationId, messageId, now: now() }),
  'messages.failed': ({ organizationId, messageId }) =>
    markMessageFailed(getDb(), { organizationId, messageId, now: now() }),
  'messages.deliver': ({ organizationId, messageId }) =>
    deliverMessage(getDb(), { organizationId, messageId, now: now() }),
  'webhooks.deliver': async ({ organizationId, deliveryId }) => {
    await deliverWebhook(getDb(), { organizationId, deliveryId, now: now() });
  },
  'webhooks.sweep': async () => {
    await sweepStalledDeliveries(getDb(), now());
  },
  'availability.request': ({ organizationId, requestId }) =>
    stepRequestById(getDb(), { organizationId, requestId, now: now() }),
  'availability.refresh': ({ organizationId, emails }) =>
    refreshConversationsSharing(getDb(), { organizationId, emails, now: now() }),
  'meetings.sync': ({ organizationId, meetingId }) =>
    syncMeetingCalendar(getDb(), { organizationId, meetingId, now }),
  'meetings.announce': ({ organizationId, meetingId }) =>
    announceWithoutEvent(getDb(), { organizationId, meetingId, now: now() }),
  'meetings.remind': async ({ organizationId, meetingId, startAt }) => {
    await sendMeetingReminder(getDb(), { organizationId, meetingId, startAt, now: now() });
  },
  'meetings.poll': async () => {
    await pollMeetingEvents(getDb(), now());
  },
  'calendars.reconnect-email': ({ organizationId, connectionId }) =>
    sendReconnectEmail(getDb(), { organizationId, connectionId, now: now() }),
};

/** Webhook deliveries wait on receivers' networks: many run at once. */
const concurrency: { [Q in QueueName]?: { batchSize: number; localConcurrency: number } } = {
  'webhooks.deliver': { batchSize: 25, localConcurrency: 4 },
};

const store = globalThis as typeof globalThis & { __parleyWorkers?: Promise<void> };

/** Registers every job handler on this process (the app's embedded worker, or `npm run worker`). */
export function startWorkers(): Promise<void> {
  store.__parleyWorkers ??= (async () => {
    const boss = await startBoss();
    for (const [queue, handler] of Object.entries(handlers) as [QueueName, Handler<QueueName>][]) {
      await boss.work<JobPayloads[QueueName]>(
        queue,
        {
          batchSize: 20,
          localConcurrency: 1,
          ...concurrency[queue],
          perJobResults: true,
          burstWhenBatchFull: true,
          pollingIntervalSeconds: 1,
          // Delayed jobs (webhook retries) are found by polling, NOTIFY or not.
          notifyPollingIntervalSeconds: 1,
        },
        async (jobs) =>
          Promise.all(
            jobs.map(async (job) => {
              try {
                await handler(job.data);
                return { id: job.id, status: 'completed' as const };
              } catch (error) {
                log.warn('job failed', { queue, jobId: job.id, error });
                return {
                  id: job.id,
                  status: 'failed' as const,
                  output: { message: (error as Error).message },
                };
              }
            }),
          ),
      );
    }
    await boss.schedule('conversations.sweep', '* * * * *');
    await boss.schedule('meetings.poll', '*/5 * * * *');
    await boss.schedule('webhooks.sweep', '* * * * *');
  })();
  return store.__parleyWorkers;
}
