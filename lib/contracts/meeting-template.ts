import { z } from 'zod';
import { nameSchema } from './common';
import {
  availabilityMethodSchema,
  meetingConfigurationInputSchema,
  refineParticipantMethod,
  meetingConfigurationSchema,
  meetingParticipantSchema,
  meetingParticipantsInputSchema,
} from './meeting';

/** The template's fields before the checks across them (for forms that pick a part). */
export const meetingTemplateFields = z.object({
  name: nameSchema(200),
  availabilityMethod: availabilityMethodSchema.default('COLLECTIVE'),
  meetingParticipants: meetingParticipantsInputSchema,
  meetingConfiguration: meetingConfigurationInputSchema,
});

export const createMeetingTemplateSchema = meetingTemplateFields
  .superRefine(refineParticipantMethod)
  .meta({ id: 'CreateMeetingTemplate' });
export type CreateMeetingTemplate = z.output<typeof createMeetingTemplateSchema>;

export const updateMeetingTemplateSchema = z
  .object({
    name: nameSchema(200),
    availabilityMethod: availabilityMethodSchema,
    meetingParticipants: meetingParticipantsInputSchema,
    meetingConfiguration: meetingConfigurationInputSchema,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field')
  // With only one of the two, the service checks the patch against the stored other.
  .superRefine((patch, ctx) => {
    if (patch.availabilityMethod) refineParticipantMethod(patch, ctx);
  })
  .meta({ id: 'UpdateMeetingTemplate' });
export type UpdateMeetingTemplate = z.output<typeof updateMeetingTemplateSchema>;

export const meetingTemplateSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    availabilityMethod: availabilityMethodSchema,
    meetingParticipants: z.array(meetingParticipantSchema),
    meetingConfiguration: meetingConfigurationSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MeetingTemplate' });
export type MeetingTemplate = z.infer<typeof meetingTemplateSchema>;
