import 'server-only';
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { meetingTemplates } from '@/lib/server/db/schema/meeting-templates';
import { decodeCursor, type PageParams } from './pagination';

export type MeetingTemplateRow = typeof meetingTemplates.$inferSelect;

export async function findMeetingTemplate(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<MeetingTemplateRow | undefined> {
  const [row] = await db
    .select()
    .from(meetingTemplates)
    .where(
      and(
        eq(meetingTemplates.organizationId, params.organizationId),
        eq(meetingTemplates.id, params.id),
        isNull(meetingTemplates.deletedAt),
      ),
    )
    .limit(1);
  return row;
}

export async function listMeetingTemplateRows(
  db: Db,
  params: PageParams & { organizationId: string },
): Promise<MeetingTemplateRow[]> {
  const after = decodeCursor(params.cursor);
  return db
    .select()
    .from(meetingTemplates)
    .where(
      and(
        eq(meetingTemplates.organizationId, params.organizationId),
        isNull(meetingTemplates.deletedAt),
        after ? lt(meetingTemplates.id, after) : undefined,
      ),
    )
    .orderBy(desc(meetingTemplates.id))
    .limit(params.limit + 1);
}
