import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { campaigns } from '@/lib/server/db/schema/campaigns';
import type { CampaignRow } from '@/lib/server/queries/campaigns';
import type { ConversationRow } from '@/lib/server/queries/conversations';

/**
 * The envelope data every event about a conversation starts with (DESIGN §5). Callers that have
 * the campaign at hand pass it; otherwise its external id is read.
 */
export async function conversationEventBase(
  db: Db,
  conversation: Pick<ConversationRow, 'organizationId' | 'id' | 'externalId' | 'campaignId'>,
  campaign?: Pick<CampaignRow, 'externalId'>,
) {
  const externalId =
    campaign?.externalId ??
    (campaign
      ? null
      : ((
          await db
            .select({ externalId: campaigns.externalId })
            .from(campaigns)
            .where(eq(campaigns.id, conversation.campaignId))
            .limit(1)
        )[0]?.externalId ?? null));
  return {
    organizationId: conversation.organizationId,
    conversationId: conversation.id,
    externalConversationId: conversation.externalId,
    campaignId: conversation.campaignId,
    externalCampaignId: externalId,
  };
}
