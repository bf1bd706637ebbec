import styles from '@/components/booking/booking.module.css';

export default function BookingNotFound() {
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <section
          className={styles.main}
          aria-labelledby="not-found-heading"
          data-testid="booking-not-found"
        >
          <h1 id="not-found-heading" className={styles.title}>
            Booking link not found
          </h1>
          <p className={styles.lead}>
            This link does not exist or is incomplete. Check that you copied the whole link from the
            message you received, or reply to that message to ask for a new one.
          </p>
        </section>
      </div>
    </main>
  );
}
