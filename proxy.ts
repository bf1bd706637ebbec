import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, pagePolicyHeaders } from '@/lib/server/http/page-policy';

/**
 * The nonce CSP of the dev video room, an App Router page: Next.js reads the nonce from the
 * request's CSP header and puts it on its own scripts. The booking page is a route handler that
 * writes its document and sends the same policy itself (app/book/[token]/route.ts), so it skips
 * this extra pass.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const headers = pagePolicyHeaders({
    nonce,
    isDev: process.env.NODE_ENV === 'development',
    isHttps: request.nextUrl.protocol === 'https:',
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', headers['content-security-policy']!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ['/dev/:path*'],
};
