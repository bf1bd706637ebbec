import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { campaigns } from '@/lib/server/db/schema/campaigns';
import { requireCampaign } from './get-campaign';

/**
 * Archives the campaign: it disappears from the API and takes no new conversations, while its
 * conversations keep their history.
 */
export async function deleteCampaign(
  db: Db,
  params: { organizationId: string; id: string; now: Date },
): Promise<void> {
  await requireCampaign(db, params);
  await db
    .update(campaigns)
    .set({ deletedAt: params.now, updatedAt: params.now })
    .where(and(eq(campaigns.organizationId, params.organizationId), eq(campaigns.id, params.id)));
}
