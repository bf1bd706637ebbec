import 'server-only';
import { and, eq } from 'drizzle-orm';
import { participantMethodIssues, toParticipant } from '@/lib/contracts/meeting';
import { DomainError } from '@/lib/domain/errors';
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
  // A patch of one of the two must still fit the stored other (DESIGN §3).
  const issues = participantMethodIssues(
    participants ?? current.participants,
    patch.availabilityMethod ?? current.availabilityMethod,
  ).map((issue) => ({
    path: ['meetingParticipants', ...issue.path].join('.'),
    message: issue.message,
  }));
  if (issues.length > 0) {
    throw new DomainError('validation_error', `${issues[0]!.path}: ${issues[0]!.message}`, issues);
  }
  if (participants || patch.meetingConfiguration || patch.availabilityMethod) {
    await assertCalendarsConnected(db, {
      organizationId,
      participants: participants ?? current.participants,
      method: patch.availabilityMethod ?? current.availabilityMethod,
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
      ...(patch.availabilityMethod ? { availabilityMethod: patch.availabilityMethod } : {}),
      ...(patch.meetingConfiguration ? { configuration: patch.meetingConfiguration } : {}),
      updatedAt: now,
    })
    .where(and(eq(meetingTemplates.organizationId, organizationId), eq(meetingTemplates.id, id)))
    .returning();
  return toMeetingTemplate(row!);
}
