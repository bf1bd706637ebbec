/** Every pg-boss queue of the app, with its payload. */
export type JobPayloads = {
  'messages.deliver': { messageId: string };
  'webhooks.deliver': { deliveryId: string };
  'availability.refresh': { organizationId: string; emails: string[] };
};
export type QueueName = keyof JobPayloads;

export const queueNames: QueueName[] = [
  'messages.deliver',
  'webhooks.deliver',
  'availability.refresh',
];
