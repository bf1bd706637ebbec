import type { Metadata } from 'next';
import { TemplateForm } from '@/components/dashboard/template-form';
import { Notice, PageHeader } from '@/components/ui/bits';
import { hasRole } from '@/lib/contracts/members';
import { loadForPage } from '@/lib/server/dashboard/page-data';
import { createTemplateAction } from '../actions';

export const metadata: Metadata = { title: 'New meeting template' };

export default async function NewTemplatePage() {
  const { member } = await loadForPage('/dashboard/templates/new', () => Promise.resolve(null));
  const canChange = hasRole(member.role, 'RECRUITER');
  return (
    <>
      <PageHeader
        title="New meeting template"
        lead="The preview beside the form shows the starts candidates would be offered this week."
      />
      {canChange ? (
        <TemplateForm template={null} action={createTemplateAction} />
      ) : (
        <Notice>Your role (viewer) can read meeting templates but not create them.</Notice>
      )}
    </>
  );
}
