import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalTime } from '@/components/dashboard/local-time';
import { EmptyState, Notice, PageHeader, Table } from '@/components/ui/bits';
import { ButtonLink } from '@/components/ui/button';
import { hasRole } from '@/lib/contracts/members';
import { loadForPage } from '@/lib/server/dashboard/page-data';
import { listMeetingTemplates } from '@/lib/server/services/meeting-templates/get-meeting-template';
import styles from '@/components/dashboard/forms.module.css';

export const metadata: Metadata = { title: 'Meeting templates' };

type Search = Promise<{ cursor?: string; deleted?: string }>;

/** Reusable interviewers + meeting rules that campaigns book with (DESIGN §3). */
export default async function TemplatesPage({ searchParams }: { searchParams: Search }) {
  const search = await searchParams;
  const cursor = typeof search.cursor === 'string' ? search.cursor : undefined;
  const { member, data } = await loadForPage('/dashboard/templates', ({ db, member }) => {
    const organizationId = member.organizationId;
    return listMeetingTemplates(db, { organizationId, limit: 50, cursor }).catch(() =>
      listMeetingTemplates(db, { organizationId, limit: 50 }),
    );
  });
  const canChange = hasRole(member.role, 'RECRUITER');
  const newButton = canChange ? (
    <ButtonLink href="/dashboard/templates/new" variant="primary">
      New meeting template
    </ButtonLink>
  ) : null;
  return (
    <>
      <PageHeader
        title="Meeting templates"
        lead="Who interviews, for how long, and when: a campaign with a template books interviews by itself."
        actions={newButton}
      />
      {search.deleted ? <Notice tone="success">The meeting template was deleted.</Notice> : null}
      {data.data.length === 0 ? (
        <EmptyState
          title="No meeting templates yet"
          action={
            canChange ? (
              <ButtonLink href="/dashboard/templates/new" variant="primary">
                Create your first meeting template
              </ButtonLink>
            ) : null
          }
        >
          {canChange
            ? 'Create one with your interviewers, the meeting length and your open hours; the preview shows the times candidates would see.'
            : 'Templates appear here once a recruiter creates one.'}
        </EmptyState>
      ) : (
        <Table caption="Meeting templates">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Interviewers</th>
              <th scope="col">Length</th>
              <th scope="col">Time zone</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {data.data.map((t) => (
              <tr key={t.id} data-testid="template-row">
                <td className={styles.titleCell}>
                  <Link href={`/dashboard/templates/${t.id}`}>{t.name}</Link>
                </td>
                <td>{t.meetingParticipants.map((p) => p.name).join(', ')}</td>
                <td>{t.meetingConfiguration.duration} min</td>
                <td>{t.meetingConfiguration.timezone}</td>
                <td>
                  <LocalTime iso={t.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {data.nextCursor ? (
        <p>
          <Link href={`/dashboard/templates?cursor=${encodeURIComponent(data.nextCursor)}`}>
            Older templates
          </Link>
        </p>
      ) : null}
    </>
  );
}
