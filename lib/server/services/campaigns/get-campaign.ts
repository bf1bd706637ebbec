import 'server-only';
import type { Campaign } from '@/lib/contracts/campaign';
import { notFound } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
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
