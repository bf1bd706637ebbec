import { createCampaignSchema, listCampaignsQuerySchema } from '@/lib/contracts/campaign';
import { paginationQuerySchema } from '@/lib/contracts/common';
import { apiRoute, created, ok } from '@/lib/server/http/route';
import { createCampaign } from '@/lib/server/services/campaigns/create-campaign';
import { listCampaigns } from '@/lib/server/services/campaigns/get-campaign';
import { otherMethods } from '@/lib/server/http/methods';

export const POST = apiRoute({ body: createCampaignSchema }, async ({ db, caller, body, now }) =>
  created(await createCampaign(db, { organizationId: caller.organizationId, values: body, now })),
);

export const GET = apiRoute(
  { query: paginationQuerySchema.extend(listCampaignsQuerySchema.shape) },
  async ({ db, caller, query }) =>
    ok(await listCampaigns(db, { organizationId: caller.organizationId, ...query })),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST, GET });
