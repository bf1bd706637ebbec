import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ConversationPage, TimelineEvent } from '@/lib/contracts/dashboard-conversations';
import type { Db } from '@/lib/server/db/client';
import { campaigns } from '@/lib/server/db/schema/campaigns';
import { eventOutbox } from '@/lib/server/db/schema/outbox';
import {
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
} from '@/lib/server/db/schema/webhooks';
import { isDevelopmentRoom } from '@/lib/server/calendar/video';
import { findMessages } from '@/lib/server/queries/conversations';
import { findLatestMeeting } from '@/lib/server/queries/meetings';
import { bookingUrlOf, toMessage } from './to-conversation';
import { requireConversation } from './get-conversation';
import { fullName } from '@/lib/domain/people/full-name';

/**
 * Everything the dashboard's conversation page shows (and polls): the thread oldest first, the
 * events recorded for the conversation with their webhook deliveries, the meeting card. Another
 * organization's id is not found.
 */
export async function getConversationPage(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<ConversationPage> {
  const { organizationId } = params;
  const row = await requireConversation(db, params);
  const [campaign, messages, events, meeting] = await Promise.all([
    db
      .select({ title: campaigns.title, channel: campaigns.channel })
      .from(campaigns)
      .where(and(eq(campaigns.organizationId, organizationId), eq(campaigns.id, row.campaignId)))
      .limit(1),
    findMessages(db, { organizationId, conversationId: row.id }),
    db
      .select({
        id: eventOutbox.id,
        event: eventOutbox.eventType,
        createdAt: eventOutbox.createdAt,
      })
      .from(eventOutbox)
      .where(
        and(eq(eventOutbox.organizationId, organizationId), eq(eventOutbox.conversationId, row.id)),
      )
      .orderBy(asc(eventOutbox.createdAt), asc(eventOutbox.id)),
    findLatestMeeting(db, { organizationId, conversationId: row.id }),
  ]);
  const deliveries = await findDeliveries(
    db,
    organizationId,
    events.map((e) => e.id),
  );
  const candidateAddresses = new Set(
    [row.emailAddress?.toLowerCase(), row.phoneNumber].filter(Boolean),
  );
  return {
    id: row.id,
    candidate: fullName(row),
    emailAddress: row.emailAddress,
    phoneNumber: row.phoneNumber,
    externalId: row.externalId,
    campaignId: row.campaignId,
    campaignTitle: campaign[0]?.title ?? null,
    channel: campaign[0]?.channel ?? 'EMAIL',
    status: row.status,
    schedulingStatus: row.schedulingStatus,
    needsReview: row.needsReview,
    isHumanTakeover: row.isHumanTakeover,
    bookingUrl: bookingUrlOf(row.bookingToken),
    createdAt: row.createdAt.toISOString(),
    messages: messages.map((m) => ({
      ...toMessage(m),
      author:
        m.direction === 'INBOUND'
          ? 'CANDIDATE'
          : m.author === 'HUMAN'
            ? 'HUMAN'
            : candidateAddresses.has(m.toAddress.toLowerCase()) ||
                candidateAddresses.has(m.toAddress)
              ? 'AGENT'
              : 'SYSTEM',
      to: m.toAddress,
      subject: m.subject,
      error: m.error,
    })),
    timeline: events.map((e) => ({
      id: e.id,
      event: e.event,
      createdAt: e.createdAt.toISOString(),
      deliveries: deliveries.get(e.id) ?? [],
    })),
    meeting: meeting
      ? {
          id: meeting.id,
          status: meeting.status,
          title: meeting.title,
          start: meeting.startAt.toISOString(),
          end: meeting.endAt.toISOString(),
          timezone: meeting.timezone,
          location: meeting.location,
          meetingUrl: meeting.meetingUrl,
          isDevelopmentRoom: isDevelopmentRoom(meeting.meetingUrl),
          videoProvider: meeting.videoProvider,
          participants: meeting.attendees.map((a) => ({
            name: a.name,
            isOrganizer: a.isOrganizer,
          })),
          cancellationReason: meeting.cancellationReason,
        }
      : null,
  };
}

async function findDeliveries(
  db: Db,
  organizationId: string,
  eventIds: string[],
): Promise<Map<string, TimelineEvent['deliveries']>> {
  const byEvent = new Map<string, TimelineEvent['deliveries']>();
  if (eventIds.length === 0) return byEvent;
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      status: webhookDeliveries.status,
      attemptCount: webhookDeliveries.attemptCount,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      endpointUrl: webhookEndpoints.url,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      and(
        eq(webhookDeliveries.organizationId, organizationId),
        inArray(webhookDeliveries.eventId, eventIds),
      ),
    )
    .orderBy(asc(webhookDeliveries.id));
  const attempts =
    rows.length === 0
      ? []
      : await db
          .select({
            deliveryId: webhookAttempts.deliveryId,
            durationMs: webhookAttempts.durationMs,
            statusCode: webhookAttempts.statusCode,
            error: webhookAttempts.error,
          })
          .from(webhookAttempts)
          .where(
            inArray(
              webhookAttempts.deliveryId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(webhookAttempts.attempt));
  const lastAttempt = new Map(attempts.map((a) => [a.deliveryId, a]));
  for (const row of rows) {
    const attempt = lastAttempt.get(row.id);
    const list = byEvent.get(row.eventId) ?? [];
    list.push({
      id: row.id,
      endpointUrl: row.endpointUrl,
      status: row.status,
      attemptCount: row.attemptCount,
      statusCode: attempt?.statusCode ?? row.lastStatusCode,
      durationMs: attempt?.durationMs ?? null,
      error: attempt?.error ?? row.lastError,
    });
    byEvent.set(row.eventId, list);
  }
  return byEvent;
}
