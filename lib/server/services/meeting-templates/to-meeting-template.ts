import 'server-only';
import { orderedConfiguration, orderedParticipant } from '@/lib/contracts/meeting';
import type { MeetingTemplate } from '@/lib/contracts/meeting-template';
import type { MeetingTemplateRow } from '@/lib/server/queries/meeting-templates';

export function toMeetingTemplate(row: MeetingTemplateRow): MeetingTemplate {
  return {
    id: row.id,
    name: row.name,
    availabilityMethod: row.availabilityMethod,
    // jsonb keeps keys in its own order: parse to get the documented field order back.
    meetingParticipants: row.participants.map(orderedParticipant),
    meetingConfiguration: orderedConfiguration(row.configuration),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
