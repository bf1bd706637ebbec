import type { BookingDocumentState } from '@/components/booking/booking-document';
import { env } from '@/lib/env';
import { renderBookingPage } from '@/lib/server/booking-page/render';
import { newNonce, pagePolicyHeaders } from '@/lib/server/http/page-policy';
import { log } from '@/lib/server/log';
import { loadBookingPage } from '@/lib/server/services/booking/load-booking-page';

/**
 * The hosted booking page: one server-rendered HTML document whose picker is a small client
 * island (components/booking). It sends a nonce CSP, and every script of the document carries
 * the nonce.
 */
export async function GET(
  req: Request,
  { params }: { params: Promise<{ token: string }> },
): Promise<Response> {
  const { token } = await params;
  const nonce = newNonce();
  const now = new Date();
  let state: BookingDocumentState;
  let status = 200;
  try {
    const info = await loadBookingPage(token, now);
    state = info ? { kind: 'page', token, info, now: now.getTime() } : { kind: 'not-found' };
    if (!info) status = 404;
  } catch (error) {
    log.error('booking page failed', { error });
    state = { kind: 'error' };
    status = 500;
  }
  const html = await renderBookingPage({ state, nonce });
  return new Response(html, {
    status,
    headers: {
      ...pagePolicyHeaders({
        nonce,
        isDev: env().NODE_ENV === 'development',
        isHttps: new URL(req.url).protocol === 'https:',
      }),
      'content-type': 'text/html; charset=utf-8',
      // Personal and changing: never stored by browsers or proxies.
      'cache-control': 'private, no-store',
    },
  });
}
