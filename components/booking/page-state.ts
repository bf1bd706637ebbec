import type { BookingInfo, BookingMeeting } from '@/lib/contracts/booking';
import type { ClientMessages, Messages } from './i18n/messages';
import { fill } from './i18n/format-message';

/**
 * What a booking link shows, as one clear state:
 * - `pick`: the candidate can choose a time;
 * - `booked`: a meeting is scheduled (they can see, move or cancel it);
 * - `no-times`: nothing can be offered right now (the organizer has been told);
 * - `awaiting`: the interviewers are still sharing their availability;
 * - `organizer-cancelled`: the organizer cancelled; the link can no longer book;
 * - `closed`: the conversation ended.
 */
export type PageState =
  'pick' | 'booked' | 'no-times' | 'awaiting' | 'organizer-cancelled' | 'closed';

const ENDED = ['CLOSED', 'OPTED_OUT', 'DELIVERY_FAILED'];

export function pageStateOf(info: BookingInfo, meeting: BookingMeeting | null): PageState {
  if (meeting?.status === 'SCHEDULED') return 'booked';
  if (meeting?.status === 'CANCELLED' && meeting.cancelledBy !== 'CANDIDATE')
    return 'organizer-cancelled';
  if (ENDED.includes(info.status)) return 'closed';
  if (info.schedulingStatus === 'AWAITING_AVAILABILITY') return 'awaiting';
  if (info.schedulingStatus === 'NO_AVAILABILITY') return 'no-times';
  return info.canBook ? 'pick' : 'closed';
}

/**
 * The page heading, written from the candidate's side: the role and company when known (the
 * meeting's own title is the interviewers' calendar title, "Technical interview with Jordan").
 */
export function headingOf(info: BookingInfo, messages: Messages): string {
  const { position, company } = info;
  if (position && company) return fill(messages.headingRoleAtCompany, { position, company });
  if (position) return fill(messages.headingRole, { position });
  if (company) return fill(messages.headingCompany, { company });
  return info.title;
}

/** Who the candidate meets, for sentences such as "… is on its way to you and {who}". */
export function organizerOf(
  info: BookingInfo,
  messages: ClientMessages,
  capitalized = false,
): string {
  return (
    info.organizerName ?? (capitalized ? messages.theOrganizerCapitalized : messages.theOrganizer)
  );
}
