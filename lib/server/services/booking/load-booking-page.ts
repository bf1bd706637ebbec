import 'server-only';
import type { BookingInfo } from '@/lib/contracts/booking';
import { toStartRuns, type StartRun } from '@/lib/domain/slots/start-runs';
import { ensureBooted } from '@/lib/server/boot';
import { getDb } from '@/lib/server/db/client';
import { findLinkBookedIntervals } from '@/lib/server/queries/booked-meetings';
import { findBookingLink, isBookingToken } from '@/lib/server/queries/booking-link';
import { meetingIcs } from '@/lib/server/services/meetings/invites';
import { horizonOf, refreshSchedulingStatus } from './availability-status';
import { canBookThrough, toBookingInfo } from './get-booking';
import { offeredStarts } from './get-slots';

/** How far ahead the page's own HTML lists open times: this month and the next, for any zone. */
const INITIAL_DAYS = 42;
const DAY = 86_400_000;
/** Covers any meeting's duration and buffer (≤ 1 day and ≤ 2 hours) on either side of the window. */
const BOOKED_MARGIN = 2 * DAY;

/** Every start offered from the page's render until `until` (epoch ms), as runs, in its HTML. */
export type InitialSlots = { until: number; runs: StartRun[] };

export type BookingPageData = { info: BookingInfo; initialSlots: InitialSlots | null };

/**
 * What the hosted booking page renders for `token`, or null for a link that does not exist: the
 * link, and — while a time can be picked — the open times of the first weeks, so the candidate sees
 * open days in the first response (no fetch after the page loads). Two round trips: the link and
 * the meetings already booked with its interviewers (sent together), then a status change only
 * when there is one.
 */
export async function loadBookingPage(token: string, now: Date): Promise<BookingPageData | null> {
  await ensureBooted();
  const db = getDb();
  if (!isBookingToken(token)) return null;
  const [link, booked] = await Promise.all([
    findBookingLink(db, token),
    findLinkBookedIntervals(db, {
      token,
      range: {
        start: now.getTime() - BOOKED_MARGIN,
        end: now.getTime() + INITIAL_DAYS * DAY + BOOKED_MARGIN,
      },
    }),
  ]);
  if (!link) return null;
  const horizon = horizonOf(link.conversation.meetingConfiguration, now);
  const until = Math.min(horizon.end, now.getTime() + INITIAL_DAYS * DAY);
  const isPicking =
    canBookThrough(link.conversation, link.meeting) && link.meeting?.status !== 'SCHEDULED';
  const starts = isPicking
    ? await offeredStarts(db, link, { start: now.getTime(), end: until }, now.getTime(), booked)
    : null;
  // Whether anything is offered in the whole horizon is known when a start was found, or when the
  // window was the whole horizon; otherwise the status check looks further itself.
  const isOfferable =
    starts && (starts.length > 0 || until === horizon.end) ? starts.length > 0 : undefined;
  const schedulingStatus = await refreshSchedulingStatus(db, {
    conversation: link.conversation,
    participants: link.participants,
    now,
    ...(isOfferable === undefined ? {} : { isOfferable }),
  });
  const info = toBookingInfo(link, schedulingStatus, now);
  return {
    info,
    initialSlots: starts && info.canBook ? { until, runs: toStartRuns(starts) } : null,
  };
}

/**
 * The "add to calendar" file of the link's scheduled meeting, or null when nothing is scheduled.
 * It carries the meeting's own UID and SEQUENCE, so a calendar that also got the emailed invite
 * keeps one event, and later updates by email still replace it.
 */
export async function loadBookingInvite(token: string, now: Date): Promise<string | null> {
  await ensureBooted();
  const meeting = (await findBookingLink(getDb(), token))?.meeting;
  if (meeting?.status !== 'SCHEDULED') return null;
  return meeting.attendees.length > 0 ? meetingIcs(meeting, 'REQUEST', now) : null;
}
