import 'server-only';
import {
  createConversationSchema,
  type BulkConversations,
  type BulkResult,
} from '@/lib/contracts/conversation';
import { DomainError } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import { issuesToDetails, summarize } from '@/lib/server/http/errors';
import { requireCampaignRef } from '@/lib/server/services/campaigns/get-campaign';
import { createConversation } from './create-conversation';

/**
 * `POST /v1/conversations/bulk` (DESIGN §3): each contact becomes a conversation of the campaign
 * or is refused with the error a single create would have given; the others go on.
 */
export async function bulkCreateConversations(
  db: Db,
  params: { organizationId: string; input: BulkConversations; now: Date },
): Promise<BulkResult> {
  const { organizationId, input, now } = params;
  // An unknown campaign refuses the whole request: nothing could be created.
  const campaign = await requireCampaignRef(db, {
    organizationId,
    campaignId: input.campaignId,
    externalCampaignId: input.externalCampaignId,
  });
  const results: BulkResult['results'] = [];
  for (const [index, contact] of input.contacts.entries()) {
    const parsed = createConversationSchema.safeParse({
      shouldSendDuringBusinessHours: input.shouldSendDuringBusinessHours,
      ...contact,
      campaignId: campaign.id,
      externalCampaignId: undefined,
    });
    if (!parsed.success) {
      const details = issuesToDetails(parsed.error.issues, ['contacts', index]);
      results.push({
        index,
        status: 'REFUSED',
        error: { code: 'validation_error', message: summarize(details), details },
      });
      continue;
    }
    try {
      const conversation = await createConversation(db, {
        organizationId,
        input: parsed.data,
        now,
      });
      results.push({ index, status: 'CREATED', conversation });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({
        index,
        status: 'REFUSED',
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      });
    }
  }
  return { results };
}
