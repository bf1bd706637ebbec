import 'server-only';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { UserCalendar } from '@/lib/contracts/user-calendars';
import { findLiveConnections, type ConnectionRow } from '@/lib/server/calendar/connections';
import type { UserCalendarRow } from '@/lib/server/calendar/invites';
import type { Db } from '@/lib/server/db/client';
import { availabilityRequests } from '@/lib/server/db/schema/calendars';
import { availabilityFormUrl } from '@/lib/server/services/availability/availability-requests';
import { conversationParticipants, conversations } from '@/lib/server/db/schema/conversations';

type RequestRow = typeof availabilityRequests.$inferSelect;

export function toUserCalendar(
  row: UserCalendarRow,
  connection: ConnectionRow | undefined,
  waiting: number,
  request?: RequestRow,
): UserCalendar {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    connection: connection
      ? {
          provider: connection.provider,
          status: connection.status,
          connectedAt: connection.connectedAt.toISOString(),
          accountEmail: connection.accountEmail,
          failure:
            connection.status === 'NEEDS_RECONNECT' && connection.failedAt
              ? { at: connection.failedAt.toISOString(), reason: connection.failureReason ?? '' }
              : null,
        }
      : null,
    availability:
      row.availabilityTimezone && row.availabilitySlots
        ? {
            timezone: row.availabilityTimezone,
            // Stored as jsonb (which orders keys its own way): the API's field order.
            timeSlots: row.availabilitySlots.map((s) => ({
              date: s.date,
              startTime: s.startTime,
              endTime: s.endTime,
            })),
          }
        : null,
    waitingConversations: waiting,
    availabilitySavedAt: row.availabilitySavedAt?.toISOString() ?? null,
    availabilityRequest: request
      ? {
          status: request.status,
          requestedAt: request.createdAt.toISOString(),
          sentAt: request.sentAt?.toISOString() ?? null,
          remindersSent: request.remindersSent,
          answeredAt: request.answeredAt?.toISOString() ?? null,
          formUrl: availabilityFormUrl(request.token),
        }
      : null,
  };
}

/** The API shape of `rows`: their live connections and waiting conversations, in two queries. */
export async function toUserCalendars(
  db: Db,
  params: { organizationId: string; rows: UserCalendarRow[] },
): Promise<UserCalendar[]> {
  const emails = params.rows.map((r) => r.email);
  if (emails.length === 0) return [];
  const [connections, waiting, requests] = await Promise.all([
    findLiveConnections(db, { organizationId: params.organizationId, emails }),
    countWaiting(db, { organizationId: params.organizationId, emails }),
    latestRequests(db, {
      organizationId: params.organizationId,
      ids: params.rows.map((r) => r.id),
    }),
  ]);
  return params.rows.map((r) =>
    toUserCalendar(r, connections.get(r.email), waiting.get(r.email) ?? 0, requests.get(r.id)),
  );
}

/** Conversations waiting for each person's availability (AWAITING_AVAILABILITY), by email. */
async function countWaiting(
  db: Db,
  params: { organizationId: string; emails: string[] },
): Promise<Map<string, number>> {
  const rows = await db
    .select({ email: conversationParticipants.email, n: count() })
    .from(conversationParticipants)
    .innerJoin(
      conversations,
      and(
        eq(conversations.id, conversationParticipants.conversationId),
        eq(conversations.organizationId, conversationParticipants.organizationId),
      ),
    )
    .where(
      and(
        eq(conversationParticipants.organizationId, params.organizationId),
        inArray(conversationParticipants.email, params.emails),
        eq(conversationParticipants.autoCollectAvailability, true),
        eq(conversations.schedulingStatus, 'AWAITING_AVAILABILITY'),
      ),
    )
    .groupBy(conversationParticipants.email);
  return new Map(rows.map((r) => [r.email, Number(r.n)]));
}

/** Each person's newest availability request, by user calendar id. */
async function latestRequests(
  db: Db,
  params: { organizationId: string; ids: string[] },
): Promise<Map<string, RequestRow>> {
  const rows = await db
    .select()
    .from(availabilityRequests)
    .where(
      and(
        eq(availabilityRequests.organizationId, params.organizationId),
        inArray(availabilityRequests.userCalendarId, params.ids),
      ),
    )
    .orderBy(desc(availabilityRequests.createdAt));
  const latest = new Map<string, RequestRow>();
  for (const row of rows) if (!latest.has(row.userCalendarId)) latest.set(row.userCalendarId, row);
  return latest;
}
