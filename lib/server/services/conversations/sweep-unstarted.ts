import 'server-only';
import { sql } from 'drizzle-orm';
import { executeRows, type Db } from '@/lib/server/db/client';
import { enqueueJobs } from '@/lib/server/jobs/enqueue';

/**
 * The safety net of conversation starts (the `conversations.sweep` job, every minute): a CREATED
 * conversation of a LIVE campaign that has waited more than 30 s — its start job lost to a crash,
 * or its campaign switched from DRAFT to LIVE — gets a start job.
 */
export async function sweepUnstartedConversations(db: Db, now: Date): Promise<number> {
  const rows = await executeRows<{ id: string; organization_id: string }>(
    db,
    sql`select c.id, c.organization_id from conversations c join campaigns k on k.id = c.campaign_id
          and k.organization_id = c.organization_id
        where c.status = 'CREATED' and k.status = 'LIVE' and k.deleted_at is null
          and c.created_at < ${new Date(now.getTime() - 30_000).toISOString()}::timestamptz
        order by c.id limit 500`,
  );
  await enqueueJobs(
    db,
    'conversations.start',
    rows.map((r) => ({ organizationId: r.organization_id, conversationId: r.id })),
  );
  return rows.length;
}
