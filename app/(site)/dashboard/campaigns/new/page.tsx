import type { Metadata } from 'next';
import { CampaignForm } from '@/components/dashboard/campaign-form';
import { Notice, PageHeader } from '@/components/ui/bits';
import { hasRole } from '@/lib/contracts/members';
import { loadForPage } from '@/lib/server/dashboard/page-data';
import { listMeetingTemplates } from '@/lib/server/services/meeting-templates/get-meeting-template';
import { createCampaignAction } from '../actions';

export const metadata: Metadata = { title: 'New campaign' };

export default async function NewCampaignPage() {
  const { member, data } = await loadForPage('/dashboard/campaigns/new', ({ db, member }) =>
    listMeetingTemplates(db, { organizationId: member.organizationId, limit: 100 }),
  );
  const canChange = hasRole(member.role, 'RECRUITER');
  return (
    <>
      <PageHeader title="New campaign" lead="Only the title and the channel are required." />
      {canChange ? (
        <CampaignForm
          campaign={null}
          templates={data.data.map((t) => ({ id: t.id, name: t.name }))}
          action={createCampaignAction}
        />
      ) : (
        <Notice>Your role (viewer) can read campaigns but not create them.</Notice>
      )}
    </>
  );
}
