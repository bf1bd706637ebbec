import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Columns every aggregate shares. Ids are UUIDv7 made by the app, so they sort by creation. */
export const idColumn = () => uuid('id').primaryKey();
export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
