import 'server-only';
import { sql } from 'drizzle-orm';
import { executeRows, type Db } from '@/lib/server/db/client';
import { enqueueJobs } from '@/lib/server/jobs/enqueue';

/** How late an attempt may be before the sweep gives it a new job. */
const OVERDUE_MS = 60_000;

/**
 * The safety net of webhook deliveries (the `webhooks.sweep` job, every minute): the delivery
 * table, not the job queue, says what is still owed. A delivery whose attempt is over a minute
 * late, or whose worker died mid-send (SENDING with its lease run out), gets a new
 * `webhooks.deliver` job. The delivery's lease makes a second job for it harmless: only one
 * claims it.
 */
export async function sweepStalledDeliveries(db: Db, now: Date): Promise<number> {
  const rows = await executeRows<{ id: string; organization_id: string }>(
    db,
    sql`select id, organization_id from webhook_deliveries
        where status in ('PENDING', 'SENDING')
          and next_attempt_at < ${new Date(now.getTime() - OVERDUE_MS).toISOString()}::timestamptz
          and (status = 'PENDING' or lease_until < ${now.toISOString()}::timestamptz)
        order by next_attempt_at limit 1000`,
  );
  await enqueueJobs(
    db,
    'webhooks.deliver',
    rows.map((r) => ({ organizationId: r.organization_id, deliveryId: r.id })),
  );
  return rows.length;
}
