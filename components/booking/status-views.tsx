import type { BookingInfo } from '@/lib/contracts/booking';
import { AlertIcon } from './icons';
import styles from './booking.module.css';

type Props = { info: BookingInfo };

/** Which final state a link is in when the candidate can no longer book through it, if any. */
export function closedStateOf(info: BookingInfo): 'organizer-cancelled' | 'closed' | null {
  const meeting = info.meeting;
  if (meeting?.status === 'SCHEDULED') return null;
  if (meeting?.status === 'CANCELLED' && meeting.cancelledBy !== 'CANDIDATE')
    return 'organizer-cancelled';
  return info.canBook ? null : 'closed';
}

/** The link can no longer be used: the organizer cancelled the meeting, or closed the request. */
export function ClosedView({ info }: Props) {
  const state = closedStateOf(info);
  const who = info.organizerName ?? 'The organizer';
  const reason = info.meeting?.cancellationReason;
  return (
    <section aria-labelledby="closed-heading" data-testid="booking-closed">
      <AlertIcon className={`${styles.statusIcon} ${styles.statusIconMuted}`} />
      {state === 'organizer-cancelled' ? (
        <>
          <h2 id="closed-heading" className={styles.heading}>
            This interview was cancelled
          </h2>
          <p className={styles.lead}>
            {who} cancelled this interview, so the link can no longer be used to book a time.
          </p>
          {reason ? (
            <p>
              <span className={styles.strong}>Reason: </span>
              {reason}
            </p>
          ) : null}
        </>
      ) : (
        <>
          <h2 id="closed-heading" className={styles.heading}>
            This booking link is closed
          </h2>
          <p className={styles.lead}>
            {who} is no longer scheduling through this link, so no time can be booked here.
          </p>
        </>
      )}
      <p className={styles.muted}>
        If you think this is a mistake, reply to the message that brought you here.
      </p>
    </section>
  );
}
