import type { BookingInfo } from '@/lib/contracts/booking';
import { fill } from './i18n/format-message';
import type { ClientMessages } from './i18n/messages';
import { AlertIcon, ClockIcon } from './icons';
import { organizerOf, type PageState } from './page-state';
import styles from './booking.module.css';

type Props = {
  state: Exclude<PageState, 'pick' | 'booked'>;
  info: BookingInfo;
  messages: ClientMessages;
};

/**
 * A link through which no time can be picked, as one clear state: the organizer cancelled, the
 * link is closed, nothing is offered right now, or the interviewers are still sharing their times.
 * Rendered by the server (no client JS is needed for any of them).
 */
export function StatusView({ state, info, messages }: Props) {
  const who = organizerOf(info, messages, true);
  const [heading, lead] = {
    'organizer-cancelled': [
      messages.organizerCancelledHeading,
      fill(messages.organizerCancelledLead, { who }),
    ],
    closed: [messages.closedHeading, fill(messages.closedLead, { who })],
    'no-times': [messages.noTimesHeading, messages.noTimesLead],
    awaiting: [messages.awaitingHeading, messages.awaitingLead],
  }[state];
  const isWaiting = state === 'no-times' || state === 'awaiting';
  return (
    <section aria-labelledby="status-heading" data-testid={`booking-${state}`}>
      {isWaiting ? (
        <ClockIcon className={`${styles.statusIcon} ${styles.statusIconMuted}`} />
      ) : (
        <AlertIcon className={`${styles.statusIcon} ${styles.statusIconMuted}`} />
      )}
      <h2 id="status-heading" className={styles.heading}>
        {heading}
      </h2>
      <p className={styles.lead}>{lead}</p>
      {isWaiting ? null : <p className={styles.muted}>{messages.mistake}</p>}
    </section>
  );
}
