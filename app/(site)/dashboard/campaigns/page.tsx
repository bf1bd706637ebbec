import type { Metadata } from 'next';
import Link from 'next/link';
import { channelLabels, languageLabels } from '@/components/dashboard/campaign-labels';
import { LocalTime } from '@/components/dashboard/local-time';
import { Badge, EmptyState, Notice, PageHeader, Table } from '@/components/ui/bits';
import { ButtonLink } from '@/components/ui/button';
import { hasRole } from '@/lib/contracts/members';
import { loadForPage } from '@/lib/server/dashboard/page-data';
import { listCampaigns } from '@/lib/server/services/campaigns/get-campaign';
import { listMeetingTemplates } from '@/lib/server/services/meeting-templates/get-meeting-template';
import styles from '@/components/dashboard/forms.module.css';

export const metadata: Metadata = { title: 'Campaigns' };

type Search = Promise<{ cursor?: string; deleted?: string }>;

/** Every campaign of the organization, newest first (DESIGN §3 Campaign). */
export default async function CampaignsPage({ searchParams }: { searchParams: Search }) {
  const search = await searchParams;
  const cursor = typeof search.cursor === 'string' ? search.cursor : undefined;
  const { member, data } = await loadForPage('/dashboard/campaigns', async ({ db, member }) => {
    const organizationId = member.organizationId;
    const [page, templates] = await Promise.all([
      listCampaigns(db, { organizationId, limit: 50, cursor }).catch(() =>
        listCampaigns(db, { organizationId, limit: 50 }),
      ),
      listMeetingTemplates(db, { organizationId, limit: 100 }),
    ]);
    return { page, templates: new Map(templates.data.map((t) => [t.id, t.name])) };
  });
  const canChange = hasRole(member.role, 'RECRUITER');
  const campaigns = data.page.data;
  return (
    <>
      <PageHeader
        title="Campaigns"
        lead="What each conversation is about, how the agent talks, and how it ends."
        actions={
          canChange ? (
            <ButtonLink href="/dashboard/campaigns/new" variant="primary">
              New campaign
            </ButtonLink>
          ) : null
        }
      />
      {search.deleted ? <Notice tone="success">The campaign was deleted.</Notice> : null}
      {campaigns.length === 0 ? (
        <EmptyState
          title="No campaigns yet"
          action={
            canChange ? (
              <ButtonLink href="/dashboard/campaigns/new" variant="primary">
                Create your first campaign
              </ButtonLink>
            ) : null
          }
        >
          {canChange
            ? 'A campaign says which channel the agent uses and what the conversation leads to, for example booking an interview.'
            : 'Campaigns appear here once a recruiter creates one.'}
        </EmptyState>
      ) : (
        <Table caption="Campaigns">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Channel</th>
              <th scope="col">Status</th>
              <th scope="col">Meeting template</th>
              <th scope="col">Language</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id} data-testid="campaign-row">
                <td className={styles.titleCell}>
                  <Link href={`/dashboard/campaigns/${c.id}`}>{c.campaignTitle}</Link>
                </td>
                <td>{channelLabels[c.channel]}</td>
                <td>
                  <Badge tone={c.status === 'LIVE' ? 'good' : 'neutral'}>
                    {c.status === 'LIVE' ? 'Live' : 'Draft'}
                  </Badge>
                </td>
                <td>
                  {c.calendarMeetingTemplateId
                    ? (data.templates.get(c.calendarMeetingTemplateId) ?? 'A deleted template')
                    : '—'}
                </td>
                <td>{languageLabels[c.language]}</td>
                <td>
                  <LocalTime iso={c.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {data.page.nextCursor ? (
        <p>
          <Link href={`/dashboard/campaigns?cursor=${encodeURIComponent(data.page.nextCursor)}`}>
            Older campaigns
          </Link>
        </p>
      ) : null}
    </>
  );
}
