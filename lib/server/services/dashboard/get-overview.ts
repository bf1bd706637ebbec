import 'server-only';
import type { Db } from '@/lib/server/db/client';
import {
  findFailingEndpoints,
  findLinksWithoutTimes,
  findNeedingReview,
  findUpcomingMeetings,
} from '@/lib/server/queries/dashboard-overview';
import { findCalendarsNeedingReconnect } from '@/lib/server/queries/calendars-needing-reconnect';

const HOUR = 3_600_000;

/**
 * What needs a recruiter's eye (DESIGN §9 overview): the next two days' meetings (from 14 h ago
 * to 62 h ahead, so every zone's today and tomorrow are in it; the page picks the viewer's), the
 * conversations the agent handed over, links that cannot offer a time, failing webhooks, and
 * calendars that need reconnecting.
 */
export async function getOverview(db: Db, params: { organizationId: string; now: Date }) {
  const { organizationId, now } = params;
  const [meetings, needingReview, withoutTimes, failingEndpoints, calendarsToReconnect] =
    await Promise.all([
      findUpcomingMeetings(db, {
        organizationId,
        from: new Date(now.getTime() - 14 * HOUR),
        to: new Date(now.getTime() + 62 * HOUR),
        limit: 100,
      }),
      findNeedingReview(db, { organizationId, limit: 10 }),
      findLinksWithoutTimes(db, { organizationId, limit: 10 }),
      findFailingEndpoints(db, { organizationId, since: new Date(now.getTime() - 7 * 24 * HOUR) }),
      findCalendarsNeedingReconnect(db, { organizationId, limit: 10 }),
    ]);
  return { meetings, needingReview, withoutTimes, failingEndpoints, calendarsToReconnect };
}
