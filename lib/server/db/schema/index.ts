// drizzle-kit's entry point (drizzle.config.ts); application code imports the aggregate files.
export * from './organizations';
export * from './calendars';
export * from './meeting-templates';
export * from './campaigns';
export * from './conversations';
export * from './meetings';
export * from './idempotency';
export * from './rate-limits';
export * from './outbox';
export * from './webhooks';
export * from './users';
export * from './relations';
