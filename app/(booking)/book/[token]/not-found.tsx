import { PageFrame } from '@/components/booking/page-frame';
import { messagesFor } from '@/components/booking/i18n/catalogs';
import styles from '@/components/booking/booking.module.css';

/** A link that does not exist (404). Its language is unknown, so it speaks English. */
export default function NotFound() {
  const messages = messagesFor('en');
  return (
    <PageFrame messages={messages} single>
      <title>{messages.notFoundTitle}</title>
      <section
        className={styles.main}
        aria-labelledby="not-found-heading"
        data-testid="booking-not-found"
      >
        <h1 id="not-found-heading" className={styles.title}>
          {messages.notFoundTitle}
        </h1>
        <p className={styles.lead}>{messages.notFoundLead}</p>
      </section>
    </PageFrame>
  );
}
