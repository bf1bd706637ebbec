import 'server-only';
import { eq } from 'drizzle-orm';
import { addDays } from '@/lib/domain/time/calendar-date';
import { localDateOf } from '@/lib/domain/slots/wall-clock';
import type { WallTimeSlot } from '@/lib/domain/availability/time-slots';
import { getDb, type Db } from '@/lib/server/db/client';
import { ensureBooted } from '@/lib/server/boot';
import { now as clockNow } from '@/lib/server/clock';
import { organizations } from '@/lib/server/db/schema/organizations';
import { findCollectingConversations, findRequestByToken } from './availability-requests';
import { collectorOf } from './run-availability-requests';
import type { Language } from '@/lib/contracts/common';

export const FORM_DAYS = 14;

export type AvailabilityPageData = {
  requestId: string;
  organizationId: string;
  userCalendarId: string;
  name: string;
  organizationName: string;
  timezone: string;
  /** The 14 dates the grid shows, from today in `timezone`. */
  dates: string[];
  /** The person's saved times on those dates (in `timezone`). */
  saved: WallTimeSlot[];
  savedAt: string | null;
  waiting: number;
  /** That of the campaigns waiting (or that waited) for the person, as their emails. */
  language: Language;
};

/**
 * What `/availability/{token}` shows (DESIGN §8): the person's own name, zone, saved times and
 * how many candidates wait — nothing about anyone else. Null for an unknown token.
 */
export async function loadAvailabilityPage(
  token: string,
  now: Date = clockNow(),
  db: Db = getDb(),
): Promise<AvailabilityPageData | null> {
  await ensureBooted();
  const found = await findRequestByToken(db, token);
  if (!found) return null;
  const { request, calendar } = found;
  const [organization] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, request.organizationId))
    .limit(1);
  const collecting = await findCollectingConversations(db, {
    organizationId: request.organizationId,
    email: calendar.email,
    statuses: ['AWAITING_AVAILABILITY', 'LINK_SENT', 'NO_AVAILABILITY'],
  });
  const waiting = collecting.filter((c) => c.schedulingStatus === 'AWAITING_AVAILABILITY');
  // The zone and language of the emails and of the reading of a reply.
  const { timezone, language } = await collectorOf(
    db,
    calendar,
    collecting.map((c) => c.conversationId),
  );
  const today = localDateOf(timezone, now.getTime());
  const dates = Array.from({ length: FORM_DAYS }, (_, i) => addDays(today, i));
  const saved =
    calendar.availabilityTimezone === timezone
      ? (calendar.availabilitySlots ?? []).filter((s) => s.date >= today)
      : [];
  return {
    requestId: request.id,
    organizationId: request.organizationId,
    userCalendarId: calendar.id,
    name: calendar.name,
    organizationName: organization?.name ?? 'Parley',
    timezone,
    dates,
    saved,
    savedAt: calendar.availabilitySavedAt?.toISOString() ?? null,
    waiting: waiting.length,
    language,
  };
}
