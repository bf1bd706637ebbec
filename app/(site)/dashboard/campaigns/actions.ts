'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createCampaignSchema } from '@/lib/contracts/campaign';
import {
  deleteCampaignFormSchema,
  readCampaignForm,
  readCampaignUpdateForm,
  updateCampaignFormSchema,
} from '@/lib/contracts/dashboard-campaigns';
import { dashboardAction } from '@/lib/server/dashboard/action';
import { createCampaign } from '@/lib/server/services/campaigns/create-campaign';
import { deleteCampaign } from '@/lib/server/services/campaigns/delete-campaign';
import { updateCampaign } from '@/lib/server/services/campaigns/update-campaign';

export const createCampaignAction = dashboardAction(
  { role: 'RECRUITER', schema: createCampaignSchema, read: readCampaignForm },
  async ({ db, now, member, input }) => {
    const campaign = await createCampaign(db, {
      organizationId: member.organizationId,
      values: input,
      now,
    });
    revalidatePath('/dashboard/campaigns');
    redirect(`/dashboard/campaigns/${campaign.id}?created=1`);
  },
);

export const updateCampaignAction = dashboardAction(
  { role: 'RECRUITER', schema: updateCampaignFormSchema, read: readCampaignUpdateForm },
  async ({ db, now, member, input }) => {
    const { campaignId, ...patch } = input;
    await updateCampaign(db, {
      organizationId: member.organizationId,
      id: campaignId,
      patch,
      now,
    });
    revalidatePath('/dashboard/campaigns');
    return { status: 'ok', message: 'Saved. New conversations use these settings.' };
  },
);

export const deleteCampaignAction = dashboardAction(
  { role: 'RECRUITER', schema: deleteCampaignFormSchema, read: readDeleteForm },
  async ({ db, now, member, input }) => {
    await deleteCampaign(db, { organizationId: member.organizationId, id: input.campaignId, now });
    revalidatePath('/dashboard/campaigns');
    redirect('/dashboard/campaigns?deleted=1');
  },
);

function readDeleteForm(form: FormData) {
  return { campaignId: form.get('campaignId') };
}
