import 'server-only';
import { and, desc, eq, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { preparedPerDb, type Db } from '@/lib/server/db/client';
import { campaigns } from '@/lib/server/db/schema/campaigns';
import { decodeCursor, type PageParams } from './pagination';

export type CampaignRow = typeof campaigns.$inferSelect;

/** Prepared: every conversation created reads its campaign. */
const findCampaignById = preparedPerDb((db) =>
  db
    .select()
    .from(campaigns)
    .where(
      and(
        eq(campaigns.organizationId, sql.placeholder('organizationId')),
        eq(campaigns.id, sql.placeholder('id')),
        isNull(campaigns.deletedAt),
      ),
    )
    .limit(1)
    .prepare('campaign_by_id'),
);

export async function findCampaign(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<CampaignRow | undefined> {
  const [row] = await findCampaignById(db).execute({
    organizationId: params.organizationId,
    id: params.id,
  });
  return row;
}

export async function listCampaignRows(
  db: Db,
  params: PageParams & { organizationId: string; status?: CampaignRow['status'] | undefined },
): Promise<CampaignRow[]> {
  const after = decodeCursor(params.cursor);
  const filters: (SQL | undefined)[] = [
    eq(campaigns.organizationId, params.organizationId),
    isNull(campaigns.deletedAt),
    params.status ? eq(campaigns.status, params.status) : undefined,
    after ? lt(campaigns.id, after) : undefined,
  ];
  return db
    .select()
    .from(campaigns)
    .where(and(...filters))
    .orderBy(desc(campaigns.id))
    .limit(params.limit + 1);
}

export async function countCampaignsUsingTemplate(
  db: Db,
  params: { organizationId: string; templateId: string },
): Promise<number> {
  const rows = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.organizationId, params.organizationId),
        eq(campaigns.meetingTemplateId, params.templateId),
        isNull(campaigns.deletedAt),
      ),
    );
  return rows.length;
}

/**
 * The campaign a conversation belongs to, deleted or not: its conversations keep talking (and
 * answering) with the campaign's words after it leaves the lists.
 */
export async function findConversationCampaign(
  db: Db,
  conversation: { organizationId: string; campaignId: string },
): Promise<CampaignRow | undefined> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(
      and(
        eq(campaigns.organizationId, conversation.organizationId),
        eq(campaigns.id, conversation.campaignId),
      ),
    )
    .limit(1);
  return row;
}
