import 'server-only';
import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import { env } from '@/lib/env';
import { getConnection } from './client';

const MIGRATION_LOCK = 7_307_011;

/**
 * Applies drizzle/ migrations. On a server, an advisory lock makes instances that boot together
 * migrate one after another.
 */
export async function migrateDatabase(): Promise<void> {
  const migrationsFolder = path.join(process.cwd(), 'drizzle');
  const connection = getConnection();
  if (connection.kind === 'pglite') {
    await migratePglite(drizzlePglite(connection.pglite), { migrationsFolder });
    return;
  }
  const url = env().DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required for a server migration');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(sql), { migrationsFolder });
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
