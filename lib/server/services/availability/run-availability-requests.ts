import 'server-only';
import { and, asc, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import { activeConversationStatuses } from '@/lib/contracts/conversation';
import type { Language } from '@/lib/contracts/common';
import { requestEmail } from '@/lib/domain/availability/availability-messages';
import { queueMessages } from '@/lib/server/channels/queue-messages';
import type { Db } from '@/lib/server/db/client';
import { campaigns } from '@/lib/server/db/schema/campaigns';
import { availabilityRequests, userCalendars } from '@/lib/server/db/schema/calendars';
import { conversationParticipants, conversations } from '@/lib/server/db/schema/conversations';
import { organizations } from '@/lib/server/db/schema/organizations';
import { findParticipants } from '@/lib/server/queries/conversations';
import {
  recordAvailabilityNotFound,
  refreshSchedulingStatus,
} from '@/lib/server/services/booking/availability-status';
import {
  availabilityFormUrl,
  findCollectingConversations,
  REQUEST_AGAIN_AFTER_MS,
  type AvailabilityRequestRow,
  type CollectorCalendarRow,
} from './availability-requests';

const HOUR = 3_600_000;
/** Reminders 24 h and 48 h after the request; at 72 h the waiting conversations give up. */
const REMINDER_HOURS = [24, 48];
const EXPIRY_HOURS = 72;

/**
 * The minute sweep of availability requests (DESIGN §8): sends each request once its gathering
 * window has passed, reminds at 24 h and 48 h, and at 72 h moves the conversations still waiting
 * to NO_AVAILABILITY with CALENDAR_AVAILABILITY_NOT_FOUND. Then asks again, by itself, a person
 * whose collected times ran out while candidates still wait (at most once a day).
 */
export async function runAvailabilityRequests(db: Db, now: Date): Promise<void> {
  const due = await db
    .select()
    .from(availabilityRequests)
    .where(
      and(eq(availabilityRequests.status, 'OPEN'), lte(availabilityRequests.nextActionAt, now)),
    )
    .orderBy(asc(availabilityRequests.nextActionAt))
    .limit(100);
  for (const request of due) await stepRequest(db, request, now);
  await requestAgainWhereTimesRanOut(db, now);
}

/** The `availability.request` job: the request's email when it is due (else nothing). */
export async function stepRequestById(
  db: Db,
  params: { organizationId: string; requestId: string; now: Date },
): Promise<void> {
  const [request] = await db
    .select()
    .from(availabilityRequests)
    .where(
      and(
        eq(availabilityRequests.organizationId, params.organizationId),
        eq(availabilityRequests.id, params.requestId),
      ),
    )
    .limit(1);
  if (request) await stepRequest(db, request, params.now);
}

/** The next step of one open request; a conditional update lets one sweeper take it. */
export async function stepRequest(
  db: Db,
  request: AvailabilityRequestRow,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(availabilityRequests)
      .where(
        and(
          eq(availabilityRequests.id, request.id),
          eq(availabilityRequests.status, 'OPEN'),
          lte(availabilityRequests.nextActionAt, now),
        ),
      )
      .for('update', { skipLocked: true })
      .limit(1);
    if (!locked) return;
    const [calendar] = await tx
      .select()
      .from(userCalendars)
      .where(eq(userCalendars.id, locked.userCalendarId))
      .limit(1);
    const waiting = calendar
      ? await findCollectingConversations(tx, {
          organizationId: locked.organizationId,
          email: calendar.email,
          statuses: ['AWAITING_AVAILABILITY'],
        })
      : [];
    const where = eq(availabilityRequests.id, locked.id);
    if (!calendar || waiting.length === 0) {
      // Nobody waits any more (closed, booked elsewhere): the request ends quietly.
      await tx
        .update(availabilityRequests)
        .set({ status: 'EXPIRED', nextActionAt: null, updatedAt: now })
        .where(where);
      return;
    }
    const sentAt = locked.sentAt ?? now;
    const reminder = locked.sentAt ? locked.remindersSent + 1 : 0;
    if (reminder > REMINDER_HOURS.length) {
      await expire(tx, {
        request: locked,
        conversationIds: waiting.map((w) => w.conversationId),
        now,
      });
      return;
    }
    await queueMessages(
      tx,
      [
        {
          organizationId: locked.organizationId,
          conversationId: null,
          availabilityRequestId: locked.id,
          channel: 'EMAIL',
          to: calendar.email,
          author: 'AGENT',
          ...requestEmail(
            await requestContext(tx, {
              request: locked,
              calendar,
              conversationIds: waiting.map((w) => w.conversationId),
              reminder: reminder as 0 | 1 | 2,
            }),
          ),
        },
      ],
      now,
    );
    const nextHours = reminder < REMINDER_HOURS.length ? REMINDER_HOURS[reminder]! : EXPIRY_HOURS;
    await tx
      .update(availabilityRequests)
      .set({
        sentAt,
        remindersSent: locked.sentAt ? reminder : 0,
        nextActionAt: new Date(sentAt.getTime() + nextHours * HOUR),
        updatedAt: now,
      })
      .where(where);
  });
}

async function expire(
  tx: Db,
  params: { request: AvailabilityRequestRow; conversationIds: string[]; now: Date },
): Promise<void> {
  const { request, now } = params;
  await tx
    .update(availabilityRequests)
    .set({ status: 'EXPIRED', nextActionAt: null, updatedAt: now })
    .where(eq(availabilityRequests.id, request.id));
  const rows = await tx
    .update(conversations)
    .set({ schedulingStatus: 'NO_AVAILABILITY', updatedAt: now })
    .where(
      and(
        eq(conversations.organizationId, request.organizationId),
        inArray(conversations.id, params.conversationIds),
        eq(conversations.schedulingStatus, 'AWAITING_AVAILABILITY'),
      ),
    )
    .returning();
  for (const conversation of rows) {
    const horizon = (conversation.meetingConfiguration?.bookingHorizonDays ?? 30) * 86_400_000;
    await recordAvailabilityNotFound(tx, {
      conversation,
      range: { start: request.createdAt.getTime(), end: now.getTime() + horizon },
      now,
    });
  }
}

/** What the request email says: how many wait, for which roles, in which zone. */
export async function requestContext(
  db: Db,
  params: {
    request: AvailabilityRequestRow;
    calendar: CollectorCalendarRow;
    conversationIds: string[];
    reminder: 0 | 1 | 2;
  },
) {
  const { request, calendar } = params;
  const rows = await waitingRows(db, {
    organizationId: request.organizationId,
    conversationIds: params.conversationIds,
  });
  const [organization] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, request.organizationId))
    .limit(1);
  return {
    name: calendar.name,
    waiting: params.conversationIds.length,
    roles: byFrequency(rows.map((r) => r.position)),
    ...collectorOfRows(calendar, rows),
    duration: Math.max(30, ...rows.map((r) => r.configuration?.duration ?? 0)),
    formUrl: availabilityFormUrl(request.token),
    reminder: params.reminder,
    organization: organization?.name ?? 'Parley',
  };
}

/** The distinct values, the most frequent first (nulls left out). */
function byFrequency<T extends string>(values: (T | null)[]): T[] {
  const counts = new Map<T, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([value]) => value);
}

/**
 * How Parley writes to a person whose times it collects, from the conversations waiting for
 * them: the zone their times are read in (the one they last gave, else the first conversation's
 * meeting zone) and the language (their campaigns' most frequent; a reply is answered in its own).
 */
export async function collectorOf(
  db: Db,
  calendar: CollectorCalendarRow,
  conversationIds: string[],
): Promise<{ timezone: string; language: Language }> {
  return collectorOfRows(
    calendar,
    await waitingRows(db, { organizationId: calendar.organizationId, conversationIds }),
  );
}

function collectorOfRows(
  calendar: CollectorCalendarRow,
  rows: Awaited<ReturnType<typeof waitingRows>>,
): { timezone: string; language: Language } {
  return {
    timezone: calendar.availabilityTimezone ?? rows[0]?.configuration?.timezone ?? 'UTC',
    language: byFrequency(rows.map((r) => r.language))[0] ?? 'en',
  };
}

/** The role, language and meeting of each waiting conversation, oldest first. */
async function waitingRows(db: Db, params: { organizationId: string; conversationIds: string[] }) {
  if (params.conversationIds.length === 0) return [];
  return db
    .select({
      position: campaigns.position,
      language: campaigns.language,
      configuration: conversations.meetingConfiguration,
    })
    .from(conversations)
    .innerJoin(
      campaigns,
      and(
        eq(campaigns.id, conversations.campaignId),
        eq(campaigns.organizationId, conversations.organizationId),
      ),
    )
    .where(
      and(
        eq(conversations.organizationId, params.organizationId),
        inArray(conversations.id, params.conversationIds),
      ),
    )
    .orderBy(asc(conversations.id));
}

/**
 * Collecting conversations with a link whose person's times may have run out (all past, or all
 * taken) and who was last asked more than a day ago: each is re-checked, and one with nothing to
 * offer sends a new request (refreshSchedulingStatus does it).
 */
async function requestAgainWhereTimesRanOut(db: Db, now: Date): Promise<void> {
  const rows = await db
    .select({ conversation: conversations, calendar: userCalendars })
    .from(conversationParticipants)
    .innerJoin(
      conversations,
      and(
        eq(conversations.id, conversationParticipants.conversationId),
        eq(conversations.organizationId, conversationParticipants.organizationId),
      ),
    )
    .innerJoin(
      userCalendars,
      and(
        eq(userCalendars.organizationId, conversationParticipants.organizationId),
        eq(userCalendars.email, conversationParticipants.email),
      ),
    )
    .where(
      and(
        eq(conversationParticipants.autoCollectAvailability, true),
        inArray(conversations.schedulingStatus, ['LINK_SENT', 'NO_AVAILABILITY']),
        inArray(conversations.status, [...activeConversationStatuses]),
        isNotNull(userCalendars.availabilitySavedAt),
        lte(userCalendars.availabilitySavedAt, new Date(now.getTime() - REQUEST_AGAIN_AFTER_MS)),
      ),
    )
    .orderBy(asc(conversations.updatedAt))
    .limit(50);
  const today = now.toISOString().slice(0, 10);
  for (const { conversation, calendar } of rows) {
    // Times still ahead and not NO_AVAILABILITY: the booking flow re-checks them as they are used.
    const ahead = (calendar.availabilitySlots ?? []).some((slot) => slot.date >= today);
    if (ahead && conversation.schedulingStatus === 'LINK_SENT') continue;
    const list =
      (
        await findParticipants(db, {
          organizationId: conversation.organizationId,
          conversationIds: [conversation.id],
        })
      ).get(conversation.id) ?? [];
    await refreshSchedulingStatus(db, { conversation, participants: list, now });
  }
}
