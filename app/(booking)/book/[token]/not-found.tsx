import { PageFrame } from '@/components/booking/page-frame';
import { messagesFor } from '@/components/booking/i18n/catalogs';
import styles from '@/components/booking/booking.module.css';
import { visitorLanguage } from '@/lib/server/http/visitor-language';

/** A link that does not exist (404): no campaign names its language, so it speaks the browser's. */
export default async function NotFound() {
  const messages = messagesFor(await visitorLanguage());
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
