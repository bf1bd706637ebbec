import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { BookingApp } from '@/components/booking/booking-app';
import { BookingSummary } from '@/components/booking/booking-summary';
import { ClosedView, closedStateOf } from '@/components/booking/status-views';
import styles from '@/components/booking/booking.module.css';
import { loadBookingPage } from '@/lib/server/services/booking/load-booking-page';

type Props = { params: Promise<{ token: string }> };

// generateMetadata and the page share one lookup per request.
const load = cache((token: string) => loadBookingPage(token, new Date()));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const info = await load((await params).token);
  return { title: info ? `Book: ${info.title}` : 'Booking link not found' };
}

/** The hosted booking page: the summary is server-rendered, the picker is a small client island. */
export default async function BookingPage({ params }: Props) {
  // Rendered per request: the CSP nonce and the booking state are both per request.
  await connection();
  const { token } = await params;
  const info = await load(token);
  if (!info) notFound();
  const isClosed = closedStateOf(info) !== null;
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <BookingSummary info={info} />
        <div className={styles.main}>
          {isClosed ? (
            <ClosedView info={info} />
          ) : (
            <BookingApp token={token} info={info} now={Date.now()} />
          )}
        </div>
      </div>
      <p className={styles.footer}>Scheduling by Parley</p>
    </main>
  );
}
