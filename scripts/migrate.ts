/** `npm run db:migrate`: applies drizzle/ migrations to DATABASE_URL or the embedded database. */
import { closeDb } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { env } from '@/lib/env';

async function main(): Promise<void> {
  try {
    await migrateDatabase();
    const settings = env();
    console.error(
      `Migrated ${settings.DATABASE_URL ? 'the PostgreSQL database' : `the embedded database in ${settings.PARLEY_DATA_DIR}`}.`,
    );
  } catch (error) {
    console.error(`Migration failed: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await closeDb();
  }
}

void main();
