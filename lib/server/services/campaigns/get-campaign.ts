import 'server-only';
import type { Campaign } from '@/lib/contracts/campaign';
import { notFound } from '@/lib/domain/errors';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { campaigns } from '@/lib/server/db/schema/campaigns';
import { findCampaign, listCampaignRows, type CampaignRow } from '@/lib/server/queries/campaigns';
import { toPage, type Page, type PageParams } from '@/lib/server/queries/pagination';
import { toCampaign } from './to-campaign';

/** The campaign of this organization, or 404 (also for another organization's campaign). */
export async function requireCampaign(
  db: Db,
  params: { organizationId: string; id: string },
  path?: string,
): Promise<CampaignRow> {
  const row = await findCampaign(db, params);
  if (!row) throw notFound('Campaign', path);
  return row;
}

/** The campaign of a create request: by `campaignId`, or by `externalCampaignId` (its externalId). */
export async function requireCampaignRef(
  db: Db,
  params: {
    organizationId: string;
    campaignId?: string | undefined;
    externalCampaignId?: string | undefined;
  },
): Promise<CampaignRow> {
  if (params.campaignId)
    return requireCampaign(
      db,
      { organizationId: params.organizationId, id: params.campaignId },
      'campaignId',
    );
  const [row] = await db
    .select()
    .from(campaigns)
    .where(
      and(
        eq(campaigns.organizationId, params.organizationId),
        eq(campaigns.externalId, params.externalCampaignId ?? ''),
        isNull(campaigns.deletedAt),
      ),
    )
    .orderBy(desc(campaigns.id))
    .limit(1);
  if (!row) throw notFound('Campaign', 'externalCampaignId');
  return row;
}

export async function getCampaign(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<Campaign> {
  return toCampaign(await requireCampaign(db, params));
}

export async function listCampaigns(
  db: Db,
  params: PageParams & { organizationId: string; status?: Campaign['status'] | undefined },
): Promise<Page<Campaign>> {
  return toPage(await listCampaignRows(db, params), params.limit, toCampaign);
}
