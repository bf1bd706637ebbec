import { z } from 'zod';
import { updateCampaignSchema } from './campaign';
import { idSchema } from './common';

/**
 * The dashboard's campaign forms, read into the API's request bodies so that the API's own schemas
 * (createCampaignSchema, updateCampaignSchema) validate them and their issue paths name the fields.
 */

const text = (form: FormData, name: string): string | undefined => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

/** An optional text: empty means "none" (null clears it on an update). */
const optional = (form: FormData, name: string): string | null => text(form, name)?.trim() || null;

/** A whole number typed in a box; anything else goes to the schema as typed, to be refused there. */
export function numberField(value: string | undefined): number | string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
}

/**
 * The questions, each with the kind and knockout its row carries (a structured question set through
 * the API keeps them when its text is edited here); empty rows are dropped.
 */
function readQuestions(form: FormData): unknown[] {
  const shapes = form.getAll('questionShapes');
  return form.getAll('questions').flatMap((q, i): unknown[] => {
    if (typeof q !== 'string' || q.trim() === '') return [];
    const shape = shapes[i];
    if (typeof shape !== 'string' || shape === '') return [q];
    try {
      return [{ ...(JSON.parse(shape) as object), text: q }];
    } catch {
      return [q];
    }
  });
}

/** The body of POST /v1/campaigns from the campaign form (field names are the API's). */
export function readCampaignForm(form: FormData): Record<string, unknown> {
  const method = text(form, 'closingMethod') || undefined;
  return {
    campaignTitle: text(form, 'campaignTitle') ?? '',
    campaignDescription: optional(form, 'campaignDescription'),
    campaignType: text(form, 'campaignType') || undefined,
    channel: text(form, 'channel') || undefined,
    calendarMeetingTemplateId: optional(form, 'calendarMeetingTemplateId'),
    closingMethod: method,
    // Only the chosen method's companion field counts; the others are cleared.
    customMessage: method === 'CUSTOM' ? optional(form, 'customMessage') : null,
    contactNumber: method === 'PHONE_NUMBER' ? optional(form, 'contactNumber') : null,
    meetingUrl: method === 'MEETING_URL' ? optional(form, 'meetingUrl') : null,
    company: optional(form, 'company'),
    position: optional(form, 'position'),
    location: optional(form, 'location'),
    questions: readQuestions(form),
    agentName: optional(form, 'agentName'),
    agentTone: text(form, 'agentTone') || undefined,
    conversationTimeoutHours: numberField(text(form, 'conversationTimeoutHours')),
    status: text(form, 'status') || undefined,
    language: text(form, 'language') || undefined,
    agentInstructions: optional(form, 'agentInstructions'),
    closingMessage: optional(form, 'closingMessage'),
    rejectionMessage: optional(form, 'rejectionMessage'),
    nudges: {
      count: numberField(text(form, 'nudges.count')),
      intervalHours: numberField(text(form, 'nudges.intervalHours')),
    },
  };
}

/** The edit form: the campaign's id beside the body of PATCH /v1/campaigns/{id}. */
export const updateCampaignFormSchema = z
  .object({ campaignId: idSchema })
  .and(updateCampaignSchema);

export function readCampaignUpdateForm(form: FormData): Record<string, unknown> {
  return { campaignId: text(form, 'campaignId'), ...readCampaignForm(form) };
}

export const deleteCampaignFormSchema = z.object({ campaignId: idSchema });
