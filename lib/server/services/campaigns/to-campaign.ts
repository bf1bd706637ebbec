import 'server-only';
import type { Campaign } from '@/lib/contracts/campaign';
import type { CampaignRow } from '@/lib/server/queries/campaigns';

export function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    campaignTitle: row.title,
    campaignDescription: row.description,
    campaignType: row.type,
    channel: row.channel,
    calendarMeetingTemplateId: row.meetingTemplateId,
    closingMethod: row.closingMethod,
    customMessage: row.customMessage,
    contactNumber: row.contactNumber,
    meetingUrl: row.meetingUrl,
    company: row.company,
    position: row.position,
    location: row.location,
    questions: row.questions,
    agentName: row.agentName,
    agentTone: row.agentTone,
    conversationTimeoutHours: row.conversationTimeoutHours,
    status: row.status,
    externalId: row.externalId,
    language: row.language,
    closingMessage: row.closingMessage,
    rejectionMessage: row.rejectionMessage,
    agentInstructions: row.agentInstructions,
    nudges: { count: row.nudgeCount, intervalHours: row.nudgeIntervalHours },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toCampaignColumns(values: Omit<Campaign, 'id' | 'createdAt' | 'updatedAt'>) {
  return {
    title: values.campaignTitle,
    description: values.campaignDescription,
    type: values.campaignType,
    channel: values.channel,
    meetingTemplateId: values.calendarMeetingTemplateId,
    closingMethod: values.closingMethod,
    customMessage: values.customMessage,
    contactNumber: values.contactNumber,
    meetingUrl: values.meetingUrl,
    company: values.company,
    position: values.position,
    location: values.location,
    questions: values.questions,
    agentName: values.agentName,
    agentTone: values.agentTone,
    conversationTimeoutHours: values.conversationTimeoutHours,
    status: values.status,
    externalId: values.externalId,
    language: values.language,
    closingMessage: values.closingMessage,
    rejectionMessage: values.rejectionMessage,
    agentInstructions: values.agentInstructions,
    nudgeCount: values.nudges.count,
    nudgeIntervalHours: values.nudges.intervalHours,
  };
}
