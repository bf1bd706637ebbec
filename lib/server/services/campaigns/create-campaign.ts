import 'server-only';
import type { Campaign, CampaignValues } from '@/lib/contracts/campaign';
import type { Db } from '@/lib/server/db/client';
import { campaigns } from '@/lib/server/db/schema/campaigns';
import { newId } from '@/lib/server/ids';
import { requireMeetingTemplate } from '@/lib/server/services/meeting-templates/get-meeting-template';
import { toCampaign, toCampaignColumns } from './to-campaign';

export async function createCampaign(
  db: Db,
  params: { organizationId: string; values: CampaignValues; now: Date },
): Promise<Campaign> {
  const { organizationId, values, now } = params;
  if (values.calendarMeetingTemplateId) {
    await requireMeetingTemplate(
      db,
      { organizationId, id: values.calendarMeetingTemplateId },
      'calendarMeetingTemplateId',
    );
  }
  const [row] = await db
    .insert(campaigns)
    .values({
      id: newId(),
      organizationId,
      ...toCampaignColumns(values),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return toCampaign(row!);
}
