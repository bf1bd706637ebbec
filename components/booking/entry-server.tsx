/**
 * The booking page's server renderer, bundled by scripts/build-booking.ts with the same class
 * names as the client island. The route handler (app/book/[token]/route.ts) loads the bundle at
 * run time: React's full server renderer is not available inside Next.js route handlers.
 */
import '../theme.css';
import { renderToString } from 'react-dom/server';
import { BookingDocument, type BookingDocumentProps } from './booking-document';

export function renderBookingDocument(props: BookingDocumentProps): string {
  return `<!DOCTYPE html>${renderToString(<BookingDocument {...props} />)}`;
}
