import type { Metadata, Viewport } from 'next';
import type { Language } from '@/lib/contracts/common';
import { log } from '@/lib/server/log';
import '@/components/theme.css';
import { loadPage } from './data';

export const metadata: Metadata = {
  // A booking link is a private credential: keep its pages out of search engines.
  robots: { index: false, follow: false, nocache: true },
  referrer: 'strict-origin-when-cross-origin',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

type Props = { children: React.ReactNode; params: Promise<{ token: string }> };

/** The booking page's own document, in the language of the link's campaign (DESIGN §3). */
export default async function BookingLayout({ children, params }: Props) {
  const { token } = await params;
  let language: Language = 'en';
  try {
    language = (await loadPage(token)).data?.info.language ?? 'en';
  } catch (error) {
    // The page shows its error state; the document itself must still render.
    log.error('booking page failed', { error });
  }
  return (
    <html lang={language}>
      <body>{children}</body>
    </html>
  );
}
