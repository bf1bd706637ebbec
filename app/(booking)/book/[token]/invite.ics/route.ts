import { now } from '@/lib/server/clock';
import { loadBookingInvite } from '@/lib/server/services/booking/load-booking-page';

/** "Add to calendar" download of the link's scheduled meeting. */
export async function GET(
  _req: Request,
  { params }: { params: Promise<{ token: string }> },
): Promise<Response> {
  const ics = await loadBookingInvite((await params).token, now());
  if (!ics)
    return new Response('No scheduled meeting for this link.\n', {
      status: 404,
      headers: { 'cache-control': 'no-store' },
    });
  return new Response(ics, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'attachment; filename="interview.ics"',
      'cache-control': 'no-store',
    },
  });
}
