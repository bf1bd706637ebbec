import 'server-only';
import { PgBoss, fromPglite } from 'pg-boss';
import { env } from '@/lib/env';
import { getConnection } from '@/lib/server/db/client';
import { log } from '@/lib/server/log';
import { queues } from './queues';

const store = globalThis as typeof globalThis & {
  __parleyBoss?: Promise<PgBoss>;
  __parleyBossReady?: PgBoss;
};

/**
 * The process's pg-boss instance, on the same database as the app (sharing the embedded
 * database's single PGlite instance). Started once at boot, before any request can enqueue.
 * `enqueueOnly`: a short-lived process (the CLI) that only adds jobs for the app's workers; it
 * neither supervises the queues nor runs their schedules.
 */
export function startBoss(options: { enqueueOnly?: boolean } = {}): Promise<PgBoss> {
  store.__parleyBoss ??= (async () => {
    const connection = getConnection();
    const role = options.enqueueOnly ? { supervise: false, schedule: false } : {};
    const boss =
      connection.kind === 'pglite'
        ? new PgBoss({
            db: fromPglite(connection.pglite),
            backend: 'pglite',
            useListenNotify: true,
            ...role,
          })
        : new PgBoss({
            connectionString: env().DATABASE_URL!,
            max: options.enqueueOnly ? 1 : 4,
            application_name: 'parley-jobs',
            // Workers wake on NOTIFY when a job commits, instead of at their next poll.
            useListenNotify: true,
            ...role,
          });
    boss.on('error', (error) => log.error('job queue error', { error }));
    boss.on('warning', (warning) => log.warn('job queue warning', { warning }));
    await boss.start();
    for (const queue of queues) {
      const options = { notify: true, ...queue.options };
      // createQueue leaves an existing queue alone; updateQueue brings its settings up to date.
      await boss.createQueue(queue.name, options);
      await boss.updateQueue(queue.name, options);
    }
    store.__parleyBossReady = boss;
    return boss;
  })().catch((error: unknown) => {
    store.__parleyBoss = undefined;
    throw error;
  });
  return store.__parleyBoss;
}

/** The started instance; enqueueing before boot finished is a programming error. */
export function readyBoss(): PgBoss {
  const boss = store.__parleyBossReady;
  if (!boss) throw new Error('The job queue is not started (ensureBooted() starts it).');
  return boss;
}

export async function stopBoss(): Promise<void> {
  const boss = store.__parleyBossReady;
  store.__parleyBoss = undefined;
  store.__parleyBossReady = undefined;
  await boss?.stop({ graceful: true, timeout: 10_000 });
}
