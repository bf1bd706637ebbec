import type { Metadata } from 'next';
import { connection } from 'next/server';
import styles from '@/components/booking/booking.module.css';

export const metadata: Metadata = {
  title: 'Development video room',
  robots: { index: false, follow: false },
};

type Props = { params: Promise<{ id: string }> };

/** Where the development video provider's meeting links lead (no real video service is called). */
export default async function DevVideoRoom({ params }: Props) {
  await connection();
  const { id } = await params;
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <section className={styles.main} aria-labelledby="room-heading">
          <h1 id="room-heading" className={styles.title}>
            Development video room
          </h1>
          <p>
            This is the development video room for meeting{' '}
            <code data-testid="meeting-id">{id}</code>.
          </p>
          <p className={styles.muted}>
            Parley gives every meeting a link like this one when no Google Meet or Microsoft Teams
            credentials are configured, so invites and webhooks carry a real, unique address in
            development. Nothing happens here.
          </p>
        </section>
      </div>
    </main>
  );
}
