import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { decryptSecret, encryptSecret } from '@/lib/server/crypto/secrets';
import type { Db } from '@/lib/server/db/client';
import { calendarConnections } from '@/lib/server/db/schema/calendars';
import { devCalendarClient } from './dev/dev-client';
import { providerFor } from './providers';
import { CalendarAuthError, type CalendarClient } from './types';

export type ConnectionRow = typeof calendarConnections.$inferSelect;

/** The live (not revoked) connection of each of `emails` in the organization, by email. */
export async function findLiveConnections(
  db: Db,
  params: { organizationId: string; emails: string[] },
): Promise<Map<string, ConnectionRow>> {
  if (params.emails.length === 0) return new Map();
  const rows = await db
    .select()
    .from(calendarConnections)
    .where(
      and(
        eq(calendarConnections.organizationId, params.organizationId),
        inArray(calendarConnections.email, params.emails),
        isNull(calendarConnections.revokedAt),
      ),
    );
  return new Map(rows.map((r) => [r.email, r]));
}

/**
 * A client for a stored connection: tokens decrypted here only, and written back encrypted
 * whenever the provider adapter refreshed them.
 */
export function clientFor(db: Db, connection: ConnectionRow): CalendarClient {
  if (connection.provider === 'DEV') return devCalendarClient(db, connection);
  if (!connection.credentials) {
    throw new CalendarAuthError('The connection holds no credentials.');
  }
  return providerFor(connection.provider).client(
    decryptSecret(connection.credentials),
    async (next) => {
      await db
        .update(calendarConnections)
        .set({ credentials: encryptSecret(next), updatedAt: new Date() })
        .where(
          and(
            eq(calendarConnections.organizationId, connection.organizationId),
            eq(calendarConnections.id, connection.id),
          ),
        );
    },
  );
}
