import { isId } from '@/lib/contracts/common';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DeleteTemplateForm, TemplateForm } from '@/components/dashboard/template-form';
import { Notice, PageHeader } from '@/components/ui/bits';
import { hasRole } from '@/lib/contracts/members';
import { DomainError } from '@/lib/domain/errors';
import { loadForPage } from '@/lib/server/dashboard/page-data';
import { getMeetingTemplate } from '@/lib/server/services/meeting-templates/get-meeting-template';
import { deleteTemplateAction, updateTemplateAction } from '../actions';

export const metadata: Metadata = { title: 'Meeting template' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

/** One meeting template: its form and live preview; read-only for a viewer. */
export default async function TemplatePage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!isId(id)) notFound();
  const { created } = await searchParams;
  const { member, data } = await loadForPage(`/dashboard/templates/${id}`, ({ db, member }) =>
    getMeetingTemplate(db, { organizationId: member.organizationId, id }).catch((error) => {
      if (error instanceof DomainError && error.code === 'not_found') return null;
      throw error;
    }),
  );
  if (!data) notFound();
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
      <TemplateForm template={data} action={canChange ? updateTemplateAction : null} />
    </>
  );
}
