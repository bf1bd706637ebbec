import 'server-only';
import { notFound } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import { findBookingLink } from '@/lib/server/queries/booking-link';
import { findConversation } from '@/lib/server/queries/conversations';
import { findMeeting } from '@/lib/server/queries/meetings';
import { offeredStarts } from '@/lib/server/services/booking/get-slots';

const DAY = 86_400_000;

/**
 * The starts a scheduled meeting can move to (the recruiter's reschedule): what its booking link
 * offers over the next `days` days, the meeting's own time not blocking — so exactly what
 * `rescheduleMeeting` will accept.
 */
export async function listRescheduleOptions(
  db: Db,
  params: { organizationId: string; meetingId: string; now: Date; days?: number },
): Promise<string[]> {
  const meeting = await findMeeting(db, {
    organizationId: params.organizationId,
    id: params.meetingId,
  });
  if (!meeting || meeting.status !== 'SCHEDULED') throw notFound('Meeting');
  const conversation = await findConversation(db, {
    organizationId: params.organizationId,
    id: meeting.conversationId,
  });
  const link = conversation?.bookingToken
    ? await findBookingLink(db, conversation.bookingToken)
    : undefined;
  if (!link) throw notFound('Meeting');
  const from = params.now.getTime();
  const starts = await offeredStarts(
    db,
    link,
    { start: from, end: from + (params.days ?? 14) * DAY },
    from,
  );
  return starts
    .filter((s) => s !== meeting.startAt.getTime())
    .map((s) => new Date(s).toISOString());
}
