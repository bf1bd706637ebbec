import { z } from 'zod';
import { nameSchema } from './common';
import {
  meetingConfigurationInputSchema,
  meetingConfigurationSchema,
  meetingParticipantSchema,
  meetingParticipantsInputSchema,
} from './meeting';

export const createMeetingTemplateSchema = z
  .object({
    name: nameSchema(200),
    meetingParticipants: meetingParticipantsInputSchema,
    meetingConfiguration: meetingConfigurationInputSchema,
  })
  .meta({ id: 'CreateMeetingTemplate' });
export type CreateMeetingTemplate = z.output<typeof createMeetingTemplateSchema>;

export const updateMeetingTemplateSchema = z
  .object({
    name: nameSchema(200),
    meetingParticipants: meetingParticipantsInputSchema,
    meetingConfiguration: meetingConfigurationInputSchema,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field')
  .meta({ id: 'UpdateMeetingTemplate' });
export type UpdateMeetingTemplate = z.output<typeof updateMeetingTemplateSchema>;

export const meetingTemplateSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    meetingParticipants: z.array(meetingParticipantSchema),
    meetingConfiguration: meetingConfigurationSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MeetingTemplate' });
export type MeetingTemplate = z.infer<typeof meetingTemplateSchema>;
