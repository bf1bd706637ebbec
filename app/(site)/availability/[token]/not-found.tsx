import styles from '@/components/availability/availability.module.css';
import { availabilityFormText } from '@/components/availability/form-text';

/** An unknown link says nothing of whose it was, so it cannot know their language either. */
const text = availabilityFormText.en;

export default function AvailabilityNotFound() {
  return (
    <main className={styles.page}>
      <div className={`${styles.card} ${styles.single}`}>
        <h1 className={styles.title}>{text.notFoundTitle}</h1>
        <p>{text.notFoundBody}</p>
      </div>
    </main>
  );
}
