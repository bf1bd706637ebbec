import type { Viewport } from 'next';
import { documentLanguage } from '@/lib/server/http/visitor-language';
import '@/components/theme.css';
import { loadPage } from './data';

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

type Props = { children: React.ReactNode; params: Promise<{ token: string }> };

/**
 * The availability form's own document, so that it declares the language it is written in (that
 * of the campaigns waiting for the person; the browser's for a link that does not exist): screen
 * readers read a German form with a German voice.
 */
export default async function AvailabilityLayout({ children, params }: Props) {
  const { token } = await params;
  const language = await documentLanguage(
    async () => (await loadPage(token))?.language,
    'availability page',
  );
  return (
    <html lang={language}>
      <body>{children}</body>
    </html>
  );
}
