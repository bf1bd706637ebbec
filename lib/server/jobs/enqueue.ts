import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { fromDrizzle, type SendOptions } from 'pg-boss';
import type { Db } from '@/lib/server/db/client';
import { readyBoss } from './boss';
import { splitJobStatement } from './job-statement';
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

/**
 * One job to add inside a statement of the caller's (a data-modifying WITH), so that a row and its
 * job commit together in one round trip instead of two statements.
 */
export type EmbeddedJob = {
  /** Common table expressions for the caller's WITH list: the job, added once if `gate` (the name of an earlier CTE of the statement) returns a row. */
  ctes: (gate: string) => SQL;
  /** How many jobs were added (0 or 1). The statement must select it: it also fires pg-boss's NOTIFY. */
  added: SQL;
};

/**
 * pg-boss's own statement for this job — what `send` would run, with its table, the queue's
 * defaults and its NOTIFY — taken from `send` itself through a `db` that records instead of
 * running, and reshaped into common table expressions. Throws if pg-boss's statement no longer
 * has the shape this relies on (one statement, one parameter), rather than add jobs wrongly.
 */
export async function embedJob<Q extends QueueName>(
  queue: Q,
  data: JobPayloads[Q],
): Promise<EmbeddedJob> {
  let recorded: { text: string; values: unknown[] } | undefined;
  const recorder = {
    executeSql: (text: string, values: unknown[] = []) => {
      recorded = { text, values };
      return Promise.resolve({ rows: [] });
    },
  };
  await readyBoss().send(queue, data, { db: recorder });
  const [payload, ...rest] = recorded?.values ?? [];
  if (!recorded || typeof payload !== 'string' || rest.length > 0) {
    throw new Error(`pg-boss did not add the ${queue} job with one statement of one parameter.`);
  }
  const { ctesBefore, ctesAfter, final } = splitJobStatement(recorded.text);
  return {
    ctes: (gate) =>
      sql`${sql.raw(ctesBefore)}(select ${payload}::text from ${sql.identifier(gate)})${sql.raw(ctesAfter)}`,
    added: sql`(select count(*) from (${sql.raw(final)}) as added_jobs)`,
  };
}
