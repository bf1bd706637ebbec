'use client';

import { useErrorText } from '@/components/booking/error-text';
import { PageFrame } from '@/components/booking/page-frame';
import styles from '@/components/booking/booking.module.css';

/**
 * The booking page could not be rendered (the server logged why). Nothing was changed. It speaks
 * the page's language (the link's, or the browser's when the link could not be read).
 */
export default function BookingError({ reset }: { error: Error; reset: () => void }) {
  const text = useErrorText();
  return (
    <PageFrame messages={text} single>
      <title>{text.errorTitle}</title>
      <section className={styles.main} aria-labelledby="error-heading" data-testid="booking-error">
        <h1 id="error-heading" className={styles.title}>
          {text.errorTitle}
        </h1>
        <p className={styles.lead}>{text.errorLead}</p>
        <div className={styles.actions}>
          <button type="button" className={`${styles.button} ${styles.primary}`} onClick={reset}>
            {text.tryAgain}
          </button>
        </div>
      </section>
    </PageFrame>
  );
}
