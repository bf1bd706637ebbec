import styles from '@/components/availability/availability.module.css';

export default function AvailabilityNotFound() {
  return (
    <main className={styles.page}>
      <div className={`${styles.card} ${styles.single}`}>
        <h1 className={styles.title}>This link does not work</h1>
        <p>It was never valid or has been replaced. Reply to the email you received instead.</p>
      </div>
    </main>
  );
}
