import 'server-only';
import type { MeetingTemplate } from '@/lib/contracts/meeting-template';
import { notFound } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import {
  findMeetingTemplate,
  listMeetingTemplateRows,
  type MeetingTemplateRow,
} from '@/lib/server/queries/meeting-templates';
import { toPage, type Page, type PageParams } from '@/lib/server/queries/pagination';
import { toMeetingTemplate } from './to-meeting-template';

export async function requireMeetingTemplate(
  db: Db,
  params: { organizationId: string; id: string },
  path?: string,
): Promise<MeetingTemplateRow> {
  const row = await findMeetingTemplate(db, params);
  if (!row) throw notFound('Meeting template', path);
  return row;
}

export async function getMeetingTemplate(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<MeetingTemplate> {
  return toMeetingTemplate(await requireMeetingTemplate(db, params));
}

export async function listMeetingTemplates(
  db: Db,
  params: PageParams & { organizationId: string },
): Promise<Page<MeetingTemplate>> {
  return toPage(await listMeetingTemplateRows(db, params), params.limit, toMeetingTemplate);
}
