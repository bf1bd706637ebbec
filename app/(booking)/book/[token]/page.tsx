import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { BookingPage } from '@/components/booking/booking-page';
import { clientMessagesFor, localeOf, messagesFor } from '@/components/booking/i18n/catalogs';
import { loadPage } from './data';

type Props = { params: Promise<{ token: string }> };

/**
 * The hosted booking page (`/book/{token}`). Its title is rendered with the page (React hoists it),
 * which spares the request a separate metadata pass over the same data.
 */
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
      clientMessages={clientMessagesFor(info.language)}
      locale={localeOf[info.language]}
      weekStartsOn={info.language === 'en' ? 0 : 1}
    />
  );
}
