'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import {
  deleteTemplateFormSchema,
  readTemplateForm,
  readTemplateUpdateForm,
  updateTemplateFormSchema,
} from '@/lib/contracts/dashboard-templates';
import { createMeetingTemplateSchema } from '@/lib/contracts/meeting-template';
import { dashboardAction } from '@/lib/server/dashboard/action';
import { createMeetingTemplate } from '@/lib/server/services/meeting-templates/create-meeting-template';
import { deleteMeetingTemplate } from '@/lib/server/services/meeting-templates/delete-meeting-template';
import { updateMeetingTemplate } from '@/lib/server/services/meeting-templates/update-meeting-template';

export const createTemplateAction = dashboardAction(
  { role: 'RECRUITER', schema: createMeetingTemplateSchema, read: readTemplateForm },
  async ({ db, now, member, input }) => {
    const template = await createMeetingTemplate(db, {
      organizationId: member.organizationId,
      values: input,
      now,
    });
    revalidatePath('/dashboard/templates');
    redirect(`/dashboard/templates/${template.id}?created=1`);
  },
);

export const updateTemplateAction = dashboardAction(
  { role: 'RECRUITER', schema: updateTemplateFormSchema, read: readTemplateUpdateForm },
  async ({ db, now, member, input }) => {
    const { templateId, ...patch } = input;
    await updateMeetingTemplate(db, {
      organizationId: member.organizationId,
      id: templateId,
      patch,
      now,
    });
    revalidatePath('/dashboard/templates');
    return {
      status: 'ok',
      message: 'Saved. New conversations use it; those already started keep their copy.',
    };
  },
);

export const deleteTemplateAction = dashboardAction(
  { role: 'RECRUITER', schema: deleteTemplateFormSchema, read: readDeleteForm },
  async ({ db, now, member, input }) => {
    await deleteMeetingTemplate(db, {
      organizationId: member.organizationId,
      id: input.templateId,
      now,
    });
    revalidatePath('/dashboard/templates');
    redirect('/dashboard/templates?deleted=1');
  },
);

function readDeleteForm(form: FormData) {
  return { templateId: form.get('templateId') };
}
