import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns';

/**
 * Request counters of the rate limits (DESIGN §2), shared by every instance: one row per bucket
 * (an API key, a booking token, a client address) holding the count of its current one-minute
 * window. The table is UNLOGGED (hand-written in its migration): counters need no crash safety,
 * and skipping the write-ahead log keeps the per-request upsert cheap.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    /** `key:<api key id>`, `token:<hash of a booking token>` or `address:<client address>`. */
    bucket: text('bucket').primaryKey(),
    windowStart: instant('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [index('rate_limits_window_start_idx').on(t.windowStart)],
);
