import 'server-only';
import { toParticipant } from '@/lib/contracts/meeting';
import type { CreateMeetingTemplate, MeetingTemplate } from '@/lib/contracts/meeting-template';
import type { Db } from '@/lib/server/db/client';
import { meetingTemplates } from '@/lib/server/db/schema/meeting-templates';
import { newId } from '@/lib/server/ids';
import { ensureUserCalendars } from '@/lib/server/services/user-calendars/ensure-user-calendars';
import { assertCalendarsConnected } from './check-participants';
import { toMeetingTemplate } from './to-meeting-template';

export async function createMeetingTemplate(
  db: Db,
  params: { organizationId: string; values: CreateMeetingTemplate; now: Date },
): Promise<MeetingTemplate> {
  const { organizationId, values, now } = params;
  const participants = values.meetingParticipants.map(toParticipant);
  await assertCalendarsConnected(db, {
    organizationId,
    participants,
    configuration: values.meetingConfiguration,
    path: 'meetingParticipants',
  });
  await ensureUserCalendars(db, { organizationId, people: participants, now });
  const [row] = await db
    .insert(meetingTemplates)
    .values({
      id: newId(),
      organizationId,
      name: values.name,
      participants,
      configuration: values.meetingConfiguration,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return toMeetingTemplate(row!);
}
