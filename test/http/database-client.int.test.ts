import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { executeRows, getConnection, getDb } from '@/lib/server/db/client';
import { organizations } from '@/lib/server/db/schema/organizations';

/**
 * The one workaround around a library in the database client (lib/server/db/client.ts): drizzle
 * asks postgres.js for unprepared statements, which cost a describe round trip each, and the
 * client turns them into prepared ones. This test fails if an upgrade of either library makes the
 * workaround stop working, instead of the app silently getting slower.
 */
describe('database client', () => {
  it('runs drizzle queries as prepared statements on PostgreSQL', async (context) => {
    // PGlite has no postgres.js underneath and nothing to work around.
    if (getConnection().kind !== 'postgres') return context.skip();
    const marker = `prepared-check-${Date.now()}`;
    const statements = await getDb().transaction(async (tx) => {
      // One connection for the whole transaction: its prepared statements are visible here.
      await tx.select().from(organizations).where(eq(organizations.name, marker)).limit(1);
      return executeRows<{ statement: string }>(
        tx,
        sql`select statement from pg_prepared_statements where statement like ${'%from "organizations"%'}`,
      );
    });
    expect(statements.length).toBeGreaterThan(0);
  });
});
