import 'server-only';
import { and, eq } from 'drizzle-orm';
import { toParticipant } from '@/lib/contracts/meeting';
import type { MeetingTemplate, UpdateMeetingTemplate } from '@/lib/contracts/meeting-template';
import type { Db } from '@/lib/server/db/client';
import { meetingTemplates } from '@/lib/server/db/schema/meeting-templates';
import { ensureUserCalendars } from '@/lib/server/services/user-calendars/ensure-user-calendars';
import { assertCalendarsConnected } from './check-participants';
import { requireMeetingTemplate } from './get-meeting-template';
import { toMeetingTemplate } from './to-meeting-template';

/** Conversations already started keep the copy they were created with. */
export async function updateMeetingTemplate(
  db: Db,
  params: { organizationId: string; id: string; patch: UpdateMeetingTemplate; now: Date },
): Promise<MeetingTemplate> {
  const { organizationId, id, patch, now } = params;
  const current = await requireMeetingTemplate(db, { organizationId, id });
  const participants = patch.meetingParticipants?.map(toParticipant);
  if (participants || patch.meetingConfiguration) {
    await assertCalendarsConnected(db, {
      organizationId,
      participants: participants ?? current.participants,
      configuration: patch.meetingConfiguration ?? current.configuration,
      path: 'meetingParticipants',
    });
  }
  if (participants) await ensureUserCalendars(db, { organizationId, people: participants, now });
  const [row] = await db
    .update(meetingTemplates)
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(participants ? { participants } : {}),
      ...(patch.meetingConfiguration ? { configuration: patch.meetingConfiguration } : {}),
      updatedAt: now,
    })
    .where(and(eq(meetingTemplates.organizationId, organizationId), eq(meetingTemplates.id, id)))
    .returning();
  return toMeetingTemplate(row!);
}
