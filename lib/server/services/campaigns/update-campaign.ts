import 'server-only';
import { and, eq } from 'drizzle-orm';
import {
  checkCampaign,
  withNudgeDefaults,
  type Campaign,
  type CampaignPatch,
} from '@/lib/contracts/campaign';
import { DomainError } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import { campaigns } from '@/lib/server/db/schema/campaigns';
import { requireMeetingTemplate } from '@/lib/server/services/meeting-templates/get-meeting-template';
import { requireCampaign } from './get-campaign';
import { toCampaign, toCampaignColumns } from './to-campaign';

/** PATCH: fields present replace the stored ones (null clears); the merged campaign is re-checked. */
export async function updateCampaign(
  db: Db,
  params: { organizationId: string; id: string; patch: CampaignPatch; now: Date },
): Promise<Campaign> {
  const { organizationId, id, patch, now } = params;
  const current = toCampaign(await requireCampaign(db, { organizationId, id }));
  const merged = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  // A nudges patch changes the fields it names.
  merged.nudges = withNudgeDefaults(current.nudges, patch.nudges);
  const issues = checkCampaign(merged);
  if (issues.length > 0) {
    throw new DomainError('validation_error', `${issues[0]!.path}: ${issues[0]!.message}`, issues);
  }
  if (patch.calendarMeetingTemplateId) {
    await requireMeetingTemplate(
      db,
      { organizationId, id: patch.calendarMeetingTemplateId },
      'calendarMeetingTemplateId',
    );
  }
  const [row] = await db
    .update(campaigns)
    .set({ ...toCampaignColumns(merged), updatedAt: now })
    .where(and(eq(campaigns.organizationId, organizationId), eq(campaigns.id, id)))
    .returning();
  return toCampaign(row!);
}
