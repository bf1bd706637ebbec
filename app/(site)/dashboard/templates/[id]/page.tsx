import { isId } from '@/lib/contracts/common';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InterviewerLoadTable } from '@/components/dashboard/interviewer-load';
import { DeleteTemplateForm, TemplateForm } from '@/components/dashboard/template-form';
import { Notice, PageHeader } from '@/components/ui/bits';
import { hasRole } from '@/lib/contracts/members';
import { DomainError } from '@/lib/domain/errors';
import { loadForPage } from '@/lib/server/dashboard/page-data';
import { getMeetingTemplate } from '@/lib/server/services/meeting-templates/get-meeting-template';
import { getTemplateLoad } from '@/lib/server/services/meeting-templates/get-template-load';
import { deleteTemplateAction, updateTemplateAction } from '../actions';

export const metadata: Metadata = { title: 'Meeting template' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

/** One meeting template: its form and live preview; read-only for a viewer. */
export default async function TemplatePage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!isId(id)) notFound();
  const { created } = await searchParams;
  const { member, data } = await loadForPage(
    `/dashboard/templates/${id}`,
    async ({ db, now, member }) => {
      const template = await getMeetingTemplate(db, {
        organizationId: member.organizationId,
        id,
      }).catch((error) => {
        if (error instanceof DomainError && error.code === 'not_found') return null;
        throw error;
      });
      if (!template) return null;
      const week = await getTemplateLoad(db, {
        organizationId: member.organizationId,
        template,
        now,
      });
      return { ...template, week };
    },
  );
  if (!data) notFound();
  const { week, ...template } = data;
  const canChange = hasRole(member.role, 'RECRUITER');
  return (
    <>
      <PageHeader
        title={data.name}
        lead={
          canChange
            ? 'Changes apply to conversations started from now on.'
            : 'Read only: your role is viewer.'
        }
        actions={
          canChange ? (
            <DeleteTemplateForm
              templateId={data.id}
              name={data.name}
              action={deleteTemplateAction}
            />
          ) : null
        }
      />
      {created ? <Notice tone="success">The meeting template was created.</Notice> : null}
      <TemplateForm template={template} action={canChange ? updateTemplateAction : null} />
      <InterviewerLoadTable
        week={week}
        names={Object.fromEntries(data.meetingParticipants.map((p) => [p.email, p.name]))}
      />
    </>
  );
}
