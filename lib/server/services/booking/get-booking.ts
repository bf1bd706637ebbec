import 'server-only';
import { eq } from 'drizzle-orm';
import type { BookingInfo } from '@/lib/contracts/booking';
import type { Db } from '@/lib/server/db/client';
import { campaigns } from '@/lib/server/db/schema/campaigns';
import { findParticipants, type ConversationRow } from '@/lib/server/queries/conversations';
import { findLatestMeeting, type MeetingWithAttendees } from '@/lib/server/queries/meetings';
import { toMeeting } from '@/lib/server/services/meetings/to-meeting';
import { refreshSchedulingStatus } from './availability-status';
import { requireConversationByToken } from './by-token';

const ENDED = ['CLOSED', 'OPTED_OUT', 'DELIVERY_FAILED'];

/** Can the candidate pick a (new) time through the link right now? */
export function canBookThrough(
  conversation: ConversationRow,
  meeting: MeetingWithAttendees | undefined,
): boolean {
  if (ENDED.includes(conversation.status)) return false;
  if (!meeting) return true;
  return meeting.status === 'CANCELLED' && meeting.cancelledBy === 'CANDIDATE';
}

/** What the hosted booking page shows for a link. */
export async function getBooking(
  db: Db,
  params: { token: string; now: Date },
): Promise<BookingInfo> {
  const conversation = await requireConversationByToken(db, params.token);
  const configuration = conversation.meetingConfiguration!;
  const [participants, meeting, [campaign]] = await Promise.all([
    findParticipants(db, {
      organizationId: conversation.organizationId,
      conversationIds: [conversation.id],
    }),
    findLatestMeeting(db, {
      organizationId: conversation.organizationId,
      conversationId: conversation.id,
    }),
    db
      .select({ company: campaigns.company })
      .from(campaigns)
      .where(eq(campaigns.id, conversation.campaignId))
      .limit(1),
  ]);
  const list = participants.get(conversation.id) ?? [];
  const schedulingStatus = await refreshSchedulingStatus(db, {
    conversation,
    participants: list,
    now: params.now,
  });
  return {
    firstName: conversation.firstName,
    title: configuration.title,
    description: configuration.description,
    duration: configuration.duration,
    timezone: configuration.timezone,
    location: configuration.location,
    videoConferencing: configuration.videoConferencing,
    videoConferencingProvider: configuration.videoConferencingProvider,
    organizerName: list.find((p) => p.isOrganizer)?.name ?? null,
    company: campaign?.company ?? null,
    status: conversation.status,
    schedulingStatus,
    canBook: canBookThrough(conversation, meeting),
    bookingHorizonEnd: new Date(
      params.now.getTime() + configuration.bookingHorizonDays * 86_400_000,
    ).toISOString(),
    meeting: meeting ? toMeeting(meeting) : null,
  };
}
