import type { BookingDocumentState } from '@/components/booking/booking-document';
import { renderBookingPage } from '@/lib/server/booking-page/render';
import { log } from '@/lib/server/log';
import { loadBookingPage } from '@/lib/server/services/booking/load-booking-page';

/**
 * The hosted booking page: one server-rendered HTML document whose picker is a small client
 * island (components/booking). proxy.ts adds the CSP, whose nonce every script here carries.
 */
export async function GET(
  req: Request,
  { params }: { params: Promise<{ token: string }> },
): Promise<Response> {
  const { token } = await params;
  const nonce = req.headers.get('x-nonce') ?? '';
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
      'content-type': 'text/html; charset=utf-8',
      // Personal and changing: never stored by browsers or proxies.
      'cache-control': 'private, no-store',
    },
  });
}
