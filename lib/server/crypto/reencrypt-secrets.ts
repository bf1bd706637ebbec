import 'server-only';
import { eq, or, isNotNull, notLike, and, sql } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { calendarConnections } from '@/lib/server/db/schema/calendars';
import { webhookEndpoints } from '@/lib/server/db/schema/webhooks';
import { log } from '@/lib/server/log';
import { currentKeyId, encryptSecret, isUnderOlderKey, revealSecret } from './secrets';

/**
 * At boot: stored secrets written in plain text (webhook secrets from before encryption at rest)
 * or under an older key (after a rotation) are rewritten under the newest key, so a retired key
 * can be dropped from PARLEY_ENCRYPTION_PREVIOUS_KEYS once this has run. Idempotent.
 */
export async function reencryptStoredSecrets(db: Db): Promise<number> {
  let rewritten = 0;
  const current = `enc:v1:${currentKeyId()}:%`;
  const endpoints = await db
    .select({
      id: webhookEndpoints.id,
      secret: webhookEndpoints.secret,
      previousSecret: webhookEndpoints.previousSecret,
    })
    .from(webhookEndpoints)
    .where(
      or(
        notLike(webhookEndpoints.secret, current),
        and(
          isNotNull(webhookEndpoints.previousSecret),
          notLike(webhookEndpoints.previousSecret, current),
        ),
      ),
    );
  for (const row of endpoints) {
    await db
      .update(webhookEndpoints)
      .set({
        secret: rewrite(row.secret),
        previousSecret: row.previousSecret === null ? null : rewrite(row.previousSecret),
      })
      .where(and(eq(webhookEndpoints.id, row.id), eq(webhookEndpoints.secret, row.secret)));
    rewritten++;
  }
  const connections = await db
    .select({ id: calendarConnections.id, credentials: calendarConnections.credentials })
    .from(calendarConnections)
    .where(
      and(
        isNotNull(calendarConnections.credentials),
        notLike(calendarConnections.credentials, current),
      ),
    );
  for (const row of connections) {
    if (!row.credentials || !isUnderOlderKey(row.credentials)) continue;
    await db
      .update(calendarConnections)
      .set({ credentials: rewrite(row.credentials) })
      .where(
        and(
          eq(calendarConnections.id, row.id),
          sql`${calendarConnections.credentials} = ${row.credentials}`,
        ),
      );
    rewritten++;
  }
  if (rewritten > 0) log.info('stored secrets re-encrypted under the newest key', { rewritten });
  return rewritten;
}

function rewrite(stored: string): string {
  return encryptSecret(revealSecret(stored));
}
