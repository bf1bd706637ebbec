import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { BookingPage } from '@/components/booking/booking-page';
import { localeOf, messagesFor } from '@/components/booking/i18n/catalogs';
import { fill } from '@/components/booking/i18n/format-message';
import { headingOf } from '@/components/booking/page-state';
import { loadPage } from './data';

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { data } = await loadPage((await params).token);
  if (!data) return { title: messagesFor('en').notFoundTitle };
  const messages = messagesFor(data.info.language);
  return { title: fill(messages.documentTitle, { heading: headingOf(data.info, messages) }) };
}

/** The hosted booking page (`/book/{token}`). */
export default async function Page({ params }: Props) {
  await connection();
  const { token } = await params;
  const { at, data } = await loadPage(token);
  if (!data) notFound();
  const { info, initialSlots } = data;
  return (
    <BookingPage
      token={token}
      info={info}
      initialSlots={initialSlots}
      now={at.getTime()}
      messages={messagesFor(info.language)}
      locale={localeOf[info.language]}
      weekStartsOn={info.language === 'en' ? 0 : 1}
    />
  );
}
