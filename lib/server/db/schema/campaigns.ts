import type { ScreeningQuestion } from '@/lib/contracts/campaign';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type {
  agentTones,
  campaignStatuses,
  campaignTypes,
  Channel,
  closingMethods,
} from '@/lib/contracts/campaign';
import type { Language } from '@/lib/contracts/common';
import { createdAt, idColumn, instant, updatedAt } from './columns';
import { meetingTemplates } from './meeting-templates';
import { organizations } from './organizations';

export const campaigns = pgTable(
  'campaigns',
  {
    id: idColumn(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    type: text('type').$type<(typeof campaignTypes)[number]>().notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    meetingTemplateId: uuid('meeting_template_id').references(() => meetingTemplates.id),
    closingMethod: text('closing_method').$type<(typeof closingMethods)[number]>().notNull(),
    customMessage: text('custom_message'),
    contactNumber: text('contact_number'),
    meetingUrl: text('meeting_url'),
    company: text('company'),
    position: text('position'),
    location: text('location'),
    questions: jsonb('questions').$type<ScreeningQuestion[]>().notNull(),
    agentName: text('agent_name'),
    agentTone: text('agent_tone').$type<(typeof agentTones)[number]>().notNull(),
    conversationTimeoutHours: integer('conversation_timeout_hours').notNull(),
    status: text('status').$type<(typeof campaignStatuses)[number]>().notNull(),
    externalId: text('external_id'),
    language: text('language').$type<Language>().notNull().default('en'),
    closingMessage: text('closing_message'),
    rejectionMessage: text('rejection_message'),
    agentInstructions: text('agent_instructions'),
    nudgeCount: integer('nudge_count').notNull().default(2),
    nudgeIntervalHours: integer('nudge_interval_hours').notNull().default(24),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: instant('deleted_at'),
  },
  (t) => [
    index('campaigns_org_idx').on(t.organizationId, t.id),
    index('campaigns_template_idx').on(t.meetingTemplateId),
  ],
);
