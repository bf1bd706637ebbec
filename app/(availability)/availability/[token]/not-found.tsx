import { availabilityFormText } from '@/components/availability/form-text';
import { visitorLanguage } from '@/lib/server/http/visitor-language';
import styles from '@/components/availability/availability.module.css';

/** A link that does not exist (404): no campaign names its language, so it speaks the browser's. */
export default async function AvailabilityNotFound() {
  const text = availabilityFormText[await visitorLanguage()];
  return (
    <main className={styles.page}>
      <title>{text.notFoundTitle}</title>
      <div className={`${styles.card} ${styles.single}`}>
        <h1 className={styles.title}>{text.notFoundTitle}</h1>
        <p>{text.notFoundLead}</p>
      </div>
      <p className={styles.footer}>{text.footer}</p>
    </main>
  );
}
