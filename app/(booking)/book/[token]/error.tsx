'use client';

import { errorPageText as text } from '@/components/booking/i18n/error-page-text';
import { PageFrame } from '@/components/booking/page-frame';
import styles from '@/components/booking/booking.module.css';

/** The booking page could not be rendered (the server logged why). Nothing was changed. */
export default function BookingError({ reset }: { error: Error; reset: () => void }) {
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
