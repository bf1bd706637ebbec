import { readBookingAsset } from '@/lib/server/booking-page/render';

/** The booking page's script and stylesheet; their names carry a content hash. */
export async function GET(
  _req: Request,
  { params }: { params: Promise<{ file: string }> },
): Promise<Response> {
  const asset = readBookingAsset((await params).file);
  if (!asset) {
    return new Response('Not found\n', { status: 404, headers: { 'cache-control': 'no-store' } });
  }
  return new Response(new Uint8Array(asset.body), {
    headers: {
      'content-type': asset.contentType,
      'cache-control': 'public, max-age=31536000, immutable',
    },
  });
}
