import type { Metadata, Viewport } from 'next';
import { ErrorTextProvider } from '@/components/booking/error-text';
import { messagesFor } from '@/components/booking/i18n/catalogs';
import { errorPageTextOf } from '@/components/booking/i18n/error-page-text';
import type { Language } from '@/lib/contracts/common';
import { visitorLanguage } from '@/lib/server/http/visitor-language';
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

/**
 * The booking page's own document, in the language of the link's campaign (DESIGN §3); a link that
 * does not exist, or a page whose link could not be read, speaks the browser's. The error state
 * gets its words from the context below; the not-found state reads the browser's language itself.
 */
export default async function BookingLayout({ children, params }: Props) {
  const { token } = await params;
  let language: Language | undefined;
  try {
    language = (await loadPage(token)).data?.info.language;
  } catch (error) {
    // The page shows its error state; the document itself must still render.
    log.error('booking page failed', { error });
  }
  language ??= await visitorLanguage();
  return (
    <html lang={language}>
      <body>
        <ErrorTextProvider text={errorPageTextOf(messagesFor(language))}>
          {children}
        </ErrorTextProvider>
      </body>
    </html>
  );
}
