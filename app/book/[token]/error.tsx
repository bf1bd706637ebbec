'use client';

import styles from '@/components/booking/booking.module.css';

export default function BookingError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <section className={styles.main} aria-labelledby="error-heading">
          <h1 id="error-heading" className={styles.title}>
            Something went wrong
          </h1>
          <p className={styles.lead}>We could not load this booking page. Nothing was changed.</p>
          <button type="button" className={`${styles.button} ${styles.primary}`} onClick={reset}>
            Try again
          </button>
        </section>
      </div>
    </main>
  );
}
