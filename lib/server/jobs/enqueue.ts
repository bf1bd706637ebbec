import 'server-only';
import { sql } from 'drizzle-orm';
import { fromDrizzle, type SendOptions } from 'pg-boss';
import type { Db } from '@/lib/server/db/client';
import { readyBoss } from './boss';
import type { JobPayloads, QueueName } from './queues';

/**
 * Adds a job through `db`, so passing a transaction makes the job commit (or vanish) with the
 * change that caused it.
 */
export async function enqueueJob<Q extends QueueName>(
  db: Db,
  queue: Q,
  data: JobPayloads[Q],
  options: Omit<SendOptions, 'db'> = {},
): Promise<void> {
  await readyBoss().send(queue, data, { ...options, db: fromDrizzle(db as never, sql as never) });
}

/** Several jobs of one queue in one statement, through `db` like enqueueJob. */
export async function enqueueJobs<Q extends QueueName>(
  db: Db,
  queue: Q,
  payloads: JobPayloads[Q][],
  options: Omit<SendOptions, 'db'> = {},
): Promise<void> {
  if (payloads.length === 0) return;
  await readyBoss().insert(
    queue,
    payloads.map((data) => ({ data, ...options })),
    { db: fromDrizzle(db as never, sql as never) },
  );
}
