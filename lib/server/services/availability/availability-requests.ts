import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { activeConversationStatuses, type SchedulingStatus } from '@/lib/contracts/conversation';
import { env } from '@/lib/env';
import type { Db } from '@/lib/server/db/client';
import { availabilityRequests, userCalendars } from '@/lib/server/db/schema/calendars';
import { conversationParticipants, conversations } from '@/lib/server/db/schema/conversations';
import { newId, newReplyToken } from '@/lib/server/ids';
import { enqueueJobs } from '@/lib/server/jobs/enqueue';

export type AvailabilityRequestRow = typeof availabilityRequests.$inferSelect;
export type CollectorCalendarRow = typeof userCalendars.$inferSelect;

/**
 * How long a new request gathers the conversations that wait for the same person before its one
 * email goes out (so ten candidates created together make one email that says ten).
 */
const gatherMs = () => env().PARLEY_AVAILABILITY_GATHER_SECONDS * 1000;
/** A person is asked again by themselves at most this often (DESIGN §8 re-request). */
export const REQUEST_AGAIN_AFTER_MS = 24 * 3_600_000;

export function availabilityFormUrl(token: string): string {
  return `${env().APP_URL}/availability/${token}`;
}

/** The reply address of a request's emails (`avail+<token>@…`), when inbound email is set up. */
export function availabilityReplyAddress(token: string): string | undefined {
  const domain = env().PARLEY_INBOUND_EMAIL_DOMAIN;
  return domain ? `avail+${token}@${domain}` : undefined;
}

/** Conversations still to be scheduled whose auto-collect participant is `email`. */
export async function findCollectingConversations(
  db: Db,
  params: { organizationId: string; email: string; statuses: SchedulingStatus[] },
): Promise<
  { conversationId: string; participantId: string; schedulingStatus: SchedulingStatus | null }[]
> {
  return db
    .select({
      conversationId: conversations.id,
      participantId: conversationParticipants.id,
      schedulingStatus: conversations.schedulingStatus,
    })
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
        eq(conversationParticipants.email, params.email),
        eq(conversationParticipants.autoCollectAvailability, true),
        inArray(conversations.schedulingStatus, params.statuses),
        inArray(conversations.status, [...activeConversationStatuses]),
      ),
    )
    .orderBy(conversations.id);
}

/**
 * The person's open request, made if there is none: one request per (organization, email)
 * serves every conversation waiting for them. A new one sends its email after a short gathering
 * window (the sweep sends it). `onlyIfDue` refuses a new request when the last one is younger
 * than a day (the re-request after times ran out).
 */
export async function ensureAvailabilityRequest(
  tx: Db,
  params: {
    organizationId: string;
    userCalendarId: string;
    now: Date;
    onlyIfDue?: boolean;
    /** When the times that ran out were given. */
    timesSavedAt?: Date | null;
  },
): Promise<AvailabilityRequestRow | null> {
  const open = await findOpenRequest(tx, params);
  if (open) return open;
  if (params.onlyIfDue) {
    const [last] = await tx
      .select({ createdAt: availabilityRequests.createdAt, status: availabilityRequests.status })
      .from(availabilityRequests)
      .where(
        and(
          eq(availabilityRequests.organizationId, params.organizationId),
          eq(availabilityRequests.userCalendarId, params.userCalendarId),
        ),
      )
      .orderBy(desc(availabilityRequests.createdAt))
      .limit(1);
    // Not within a day of the last ask, and not again after a request left unanswered since the
    // times were given (that one already gave up).
    if (
      last &&
      (params.now.getTime() - last.createdAt.getTime() < REQUEST_AGAIN_AFTER_MS ||
        (last.status === 'EXPIRED' &&
          (!params.timesSavedAt || last.createdAt > params.timesSavedAt)))
    )
      return null;
  }
  const [created] = await tx
    .insert(availabilityRequests)
    .values({
      id: newId(),
      organizationId: params.organizationId,
      userCalendarId: params.userCalendarId,
      token: newReplyToken(),
      nextActionAt: new Date(params.now.getTime() + gatherMs()),
      createdAt: params.now,
      updatedAt: params.now,
    })
    // A concurrent start made it first: theirs serves this conversation too.
    .onConflictDoNothing({
      target: [availabilityRequests.organizationId, availabilityRequests.userCalendarId],
      where: sql`status = 'OPEN'`,
    })
    .returning();
  if (created) {
    await enqueueJobs(
      tx,
      'availability.request',
      [{ organizationId: created.organizationId, requestId: created.id }],
      { startAfter: created.nextActionAt! },
    );
    return created;
  }
  return (await findOpenRequest(tx, params)) ?? null;
}

async function findOpenRequest(
  db: Db,
  params: { organizationId: string; userCalendarId: string },
): Promise<AvailabilityRequestRow | undefined> {
  const [open] = await db
    .select()
    .from(availabilityRequests)
    .where(
      and(
        eq(availabilityRequests.organizationId, params.organizationId),
        eq(availabilityRequests.userCalendarId, params.userCalendarId),
        eq(availabilityRequests.status, 'OPEN'),
      ),
    )
    .limit(1);
  return open;
}

/** The user calendar of a participant email (made when the conversation was created). */
export async function findCollectorCalendar(
  db: Db,
  params: { organizationId: string; email: string },
): Promise<CollectorCalendarRow | undefined> {
  const [row] = await db
    .select()
    .from(userCalendars)
    .where(
      and(
        eq(userCalendars.organizationId, params.organizationId),
        eq(userCalendars.email, params.email.toLowerCase()),
      ),
    )
    .limit(1);
  return row;
}

/** Saved availability that still has a range ending after `today` (the person's zone date). */
export function hasFutureAvailability(calendar: CollectorCalendarRow, today: string): boolean {
  return (calendar.availabilitySlots ?? []).some((slot) => slot.date >= today);
}

/** A request by the token of its form link or reply address, with its person. */
export async function findRequestByToken(
  db: Db,
  token: string,
): Promise<{ request: AvailabilityRequestRow; calendar: CollectorCalendarRow } | null> {
  if (!/^[0-9a-f]{32}$/.test(token)) return null;
  const [row] = await db
    .select({ request: availabilityRequests, calendar: userCalendars })
    .from(availabilityRequests)
    .innerJoin(
      userCalendars,
      and(
        eq(userCalendars.id, availabilityRequests.userCalendarId),
        eq(userCalendars.organizationId, availabilityRequests.organizationId),
      ),
    )
    .where(eq(availabilityRequests.token, token))
    .limit(1);
  return row ?? null;
}
