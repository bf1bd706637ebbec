import 'server-only';
import { and, eq } from 'drizzle-orm';
import { DomainError } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import { meetingTemplates } from '@/lib/server/db/schema/meeting-templates';
import { countCampaignsUsingTemplate } from '@/lib/server/queries/campaigns';
import { requireMeetingTemplate } from './get-meeting-template';

/** Refused while a campaign uses the template; otherwise archived (conversations keep their copy). */
export async function deleteMeetingTemplate(
  db: Db,
  params: { organizationId: string; id: string; now: Date },
): Promise<void> {
  const { organizationId, id, now } = params;
  await requireMeetingTemplate(db, { organizationId, id });
  const users = await countCampaignsUsingTemplate(db, { organizationId, templateId: id });
  if (users > 0) {
    throw new DomainError(
      'conflict',
      `This meeting template is used by ${users} campaign${users === 1 ? '' : 's'}; remove it from them first.`,
    );
  }
  await db
    .update(meetingTemplates)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(eq(meetingTemplates.organizationId, organizationId), eq(meetingTemplates.id, id)));
}
