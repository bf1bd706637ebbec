import 'server-only';
import { cache } from 'react';
import { now } from '@/lib/server/clock';
import { loadBookingPage } from '@/lib/server/services/booking/load-booking-page';

/**
 * The link's page data, loaded once per request and shared by the layout (its language), the
 * metadata (its title) and the page. The render's "now" is taken here, once.
 */
export const loadPage = cache(async (token: string) => {
  const at = now();
  return { at, data: await loadBookingPage(token, at) };
});
