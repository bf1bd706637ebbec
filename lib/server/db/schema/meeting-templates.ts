import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type {
  AvailabilityMethod,
  MeetingConfiguration,
  MeetingParticipant,
} from '@/lib/contracts/meeting';
import { createdAt, idColumn, instant, updatedAt } from './columns';
import { organizations } from './organizations';

export const meetingTemplates = pgTable(
  'meeting_templates',
  {
    id: idColumn(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    availabilityMethod: text('availability_method')
      .$type<AvailabilityMethod>()
      .notNull()
      .default('COLLECTIVE'),
    participants: jsonb('participants').$type<MeetingParticipant[]>().notNull(),
    configuration: jsonb('configuration').$type<MeetingConfiguration>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: instant('deleted_at'),
  },
  (t) => [index('meeting_templates_org_idx').on(t.organizationId, t.id)],
);
