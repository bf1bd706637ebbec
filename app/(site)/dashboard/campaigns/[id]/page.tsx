import { isId } from '@/lib/contracts/common';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CampaignForm, DeleteCampaignForm } from '@/components/dashboard/campaign-form';
import { Notice, PageHeader } from '@/components/ui/bits';
import { hasRole } from '@/lib/contracts/members';
import { DomainError } from '@/lib/domain/errors';
import { loadForPage } from '@/lib/server/dashboard/page-data';
import { getCampaign } from '@/lib/server/services/campaigns/get-campaign';
import { listMeetingTemplates } from '@/lib/server/services/meeting-templates/get-meeting-template';
import { deleteCampaignAction, updateCampaignAction } from '../actions';

export const metadata: Metadata = { title: 'Campaign' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

/** One campaign: its form for a recruiter, the same fields read-only for a viewer. */
export default async function CampaignPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!isId(id)) notFound();
  const { created } = await searchParams;
  const { member, data } = await loadForPage(
    `/dashboard/campaigns/${id}`,
    async ({ db, member }) => {
      const organizationId = member.organizationId;
      try {
        const [campaign, templates] = await Promise.all([
          getCampaign(db, { organizationId, id }),
          listMeetingTemplates(db, { organizationId, limit: 100 }),
        ]);
        return { campaign, templates: templates.data.map((t) => ({ id: t.id, name: t.name })) };
      } catch (error) {
        if (error instanceof DomainError && error.code === 'not_found') return null;
        throw error;
      }
    },
  );
  if (!data) notFound();
  const canChange = hasRole(member.role, 'RECRUITER');
  const { campaign } = data;
  return (
    <>
      <PageHeader
        title={campaign.campaignTitle}
        lead={
          canChange
            ? 'Changes apply to conversations started from now on.'
            : 'Read only: your role is viewer.'
        }
        actions={
          canChange ? (
            <DeleteCampaignForm
              campaignId={campaign.id}
              title={campaign.campaignTitle}
              action={deleteCampaignAction}
            />
          ) : null
        }
      />
      {created ? <Notice tone="success">The campaign was created.</Notice> : null}
      <CampaignForm
        campaign={campaign}
        templates={data.templates}
        action={canChange ? updateCampaignAction : null}
      />
    </>
  );
}
