/**
 * `npm run worker`: a job worker process (webhook deliveries, message sending, availability
 * refresh) for scaling out. Run the app with PARLEY_WORKER=off and as many workers as needed, all
 * on the same PostgreSQL database; pg-boss hands each job to exactly one of them.
 */
import { env } from '@/lib/env';
import { closeDb } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { stopBoss } from '@/lib/server/jobs/boss';
import { startWorkers } from '@/lib/server/jobs/workers';

async function main(): Promise<void> {
  const settings = env();
  if (!settings.DATABASE_URL) {
    console.error(
      'parley worker: set DATABASE_URL. The embedded database belongs to the app process, which runs its own worker.',
    );
    process.exit(2);
  }
  await migrateDatabase();
  await startWorkers();
  console.error('parley worker: running (Ctrl-C to stop)');
  const stop = async () => {
    await stopBoss();
    await closeDb();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main().catch((error: unknown) => {
  console.error(`parley worker: ${(error as Error).message}`);
  process.exit(1);
});
