import 'server-only';
import type { InterviewerLoadWeek } from '@/lib/contracts/interviewer-load';
import type { MeetingTemplate } from '@/lib/contracts/meeting-template';
import type { Db } from '@/lib/server/db/client';
import { interviewerLoadThisWeek } from '@/lib/server/queries/interviewer-load';

/** The template's interviewers' load this week, counted in the template's meeting zone. */
export async function getTemplateLoad(
  db: Db,
  params: { organizationId: string; template: MeetingTemplate; now: Date },
): Promise<InterviewerLoadWeek> {
  const { template } = params;
  return interviewerLoadThisWeek(db, {
    organizationId: params.organizationId,
    timezone: template.meetingConfiguration.timezone,
    emails: template.meetingParticipants.map((p) => p.email),
    now: params.now,
  });
}
