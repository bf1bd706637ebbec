import type { Metadata, Viewport } from 'next';
import { ErrorTextProvider } from '@/components/booking/error-text';
import { messagesFor } from '@/components/booking/i18n/catalogs';
import { errorPageTextOf } from '@/components/booking/i18n/error-page-text';
import { documentLanguage } from '@/lib/server/http/visitor-language';
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
  const language = await documentLanguage(
    async () => (await loadPage(token)).data?.info.language,
    'booking page',
  );
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
