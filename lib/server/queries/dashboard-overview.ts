import 'server-only';
import { and, asc, desc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import { activeConversationStatuses } from '@/lib/contracts/conversation';
import type { Db } from '@/lib/server/db/client';
import { conversations } from '@/lib/server/db/schema/conversations';
import { meetings } from '@/lib/server/db/schema/meetings';
import { webhookDeliveries, webhookEndpoints } from '@/lib/server/db/schema/webhooks';
import { withInterviewers } from './dashboard-meetings';

const conversationSummary = {
  id: conversations.id,
  firstName: conversations.firstName,
  lastName: conversations.lastName,
  status: conversations.status,
  schedulingStatus: conversations.schedulingStatus,
  updatedAt: conversations.updatedAt,
};

/** Scheduled meetings starting in [from, to) (epoch ms), soonest first, with their interviewers. */
export async function findUpcomingMeetings(
  db: Db,
  params: { organizationId: string; from: Date; to: Date; limit: number },
) {
  const rows = await db
    .select({
      id: meetings.id,
      conversationId: meetings.conversationId,
      title: meetings.title,
      startAt: meetings.startAt,
      endAt: meetings.endAt,
      meetingUrl: meetings.meetingUrl,
      location: meetings.location,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.organizationId, params.organizationId),
        eq(meetings.status, 'SCHEDULED'),
        gte(meetings.startAt, params.from),
        lt(meetings.startAt, params.to),
      ),
    )
    .orderBy(asc(meetings.startAt))
    .limit(params.limit);
  return withInterviewers(db, params.organizationId, rows);
}

/** Conversations the agent handed to a human, newest first. */
export async function findNeedingReview(db: Db, params: { organizationId: string; limit: number }) {
  return db
    .select(conversationSummary)
    .from(conversations)
    .where(
      and(
        eq(conversations.organizationId, params.organizationId),
        eq(conversations.needsReview, true),
      ),
    )
    .orderBy(desc(conversations.id))
    .limit(params.limit);
}

/** Open booking links that cannot offer a time: nothing free, or availability still awaited. */
export async function findLinksWithoutTimes(
  db: Db,
  params: { organizationId: string; limit: number },
) {
  return db
    .select(conversationSummary)
    .from(conversations)
    .where(
      and(
        eq(conversations.organizationId, params.organizationId),
        inArray(conversations.schedulingStatus, ['NO_AVAILABILITY', 'AWAITING_AVAILABILITY']),
        inArray(conversations.status, [...activeConversationStatuses]),
      ),
    )
    .orderBy(desc(conversations.id))
    .limit(params.limit);
}

/**
 * Webhook endpoints in trouble: disabled, or with deliveries that failed or are still retrying
 * since `since`. With how many.
 */
export async function findFailingEndpoints(
  db: Db,
  params: { organizationId: string; since: Date },
) {
  return db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      status: webhookEndpoints.status,
      disabledReason: webhookEndpoints.disabledReason,
      failing: sql<number>`count(${webhookDeliveries.id})::int`,
    })
    .from(webhookEndpoints)
    .leftJoin(
      webhookDeliveries,
      and(
        eq(webhookDeliveries.endpointId, webhookEndpoints.id),
        gte(webhookDeliveries.createdAt, params.since),
        or(
          eq(webhookDeliveries.status, 'FAILED'),
          and(eq(webhookDeliveries.status, 'PENDING'), sql`${webhookDeliveries.attemptCount} > 0`),
        ),
      ),
    )
    .where(
      and(
        eq(webhookEndpoints.organizationId, params.organizationId),
        sql`${webhookEndpoints.deletedAt} is null`,
      ),
    )
    .groupBy(webhookEndpoints.id)
    .having(or(eq(webhookEndpoints.status, 'DISABLED'), sql`count(${webhookDeliveries.id}) > 0`));
}
