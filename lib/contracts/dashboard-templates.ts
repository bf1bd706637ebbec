import { z } from 'zod';
import { idSchema } from './common';
import { refineParticipantMethod } from './meeting';
import { meetingTemplateFields, updateMeetingTemplateSchema } from './meeting-template';

/**
 * The dashboard's meeting template form sends the API's request body as JSON in one field
 * (`payload`): its rows of participants, slots and open hours are the body's own arrays, so the
 * API's schemas validate it and their issue paths ("meetingConfiguration.openHours.0.end") name
 * the form's fields.
 */
export function readTemplateForm(form: FormData): unknown {
  const payload = form.get('payload');
  if (typeof payload !== 'string') return {};
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    return {};
  }
}

export const updateTemplateFormSchema = z
  .object({ templateId: idSchema })
  .and(updateMeetingTemplateSchema);

export function readTemplateUpdateForm(form: FormData): unknown {
  const body = readTemplateForm(form);
  return {
    ...(body && typeof body === 'object' ? body : {}),
    templateId: form.get('templateId'),
  };
}

export const deleteTemplateFormSchema = z.object({ templateId: idSchema });

/** What the live preview needs of a draft: everything but its name. */
export const templatePreviewSchema = meetingTemplateFields
  .pick({ availabilityMethod: true, meetingParticipants: true, meetingConfiguration: true })
  .superRefine(refineParticipantMethod);

/** What the template form's live preview shows (`POST /dashboard/templates/preview`). */
export type TemplatePreview = {
  timezone: string;
  from: string;
  to: string;
  duration: number;
  /** Offered starts by local date of the meeting zone, as wall-clock "HH:mm" and UTC instants. */
  days: { date: string; starts: { time: string; start: string }[] }[];
  count: number;
  /** Why nothing is offered (empty when something is). */
  reasons: string[];
};
