import { updateCampaignSchema } from '@/lib/contracts/campaign';
import { apiRoute, noContent, ok } from '@/lib/server/http/route';
import { deleteCampaign } from '@/lib/server/services/campaigns/delete-campaign';
import { getCampaign } from '@/lib/server/services/campaigns/get-campaign';
import { updateCampaign } from '@/lib/server/services/campaigns/update-campaign';
import { otherMethods } from '@/lib/server/http/methods';

type Params = { id: string };

export const GET = apiRoute<Params>({ uuidParams: ['id'] }, async ({ db, caller, params }) =>
  ok(await getCampaign(db, { organizationId: caller.organizationId, id: params.id })),
);

export const PATCH = apiRoute<Params, typeof updateCampaignSchema>(
  { uuidParams: ['id'], body: updateCampaignSchema },
  async ({ db, caller, params, body, now }) =>
    ok(
      await updateCampaign(db, {
        organizationId: caller.organizationId,
        id: params.id,
        patch: body,
        now,
      }),
    ),
);

export const DELETE = apiRoute<Params>(
  { uuidParams: ['id'] },
  async ({ db, caller, params, now }) => {
    await deleteCampaign(db, { organizationId: caller.organizationId, id: params.id, now });
    return noContent();
  },
);

export const { POST, PUT, OPTIONS } = otherMethods({ GET, PATCH, DELETE });
