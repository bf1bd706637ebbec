import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, pagePolicyHeaders } from '@/lib/server/http/page-policy';

/**
 * The nonce Content-Security-Policy of every page (booking page, dev video room, and every App
 * Router page to come), in one place: Next.js reads the nonce from the request's CSP header and
 * puts it on its own scripts. API routes, static assets and file downloads skip it.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const headers = pagePolicyHeaders({
    nonce,
    isDev: process.env.NODE_ENV === 'development',
    // Behind a TLS-terminating proxy the request arrives over http; the proxy says what it was.
    isHttps:
      request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https',
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // Where the request was going, for a sign-in redirect that brings the person back there.
  requestHeaders.set('x-parley-path', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  requestHeaders.set('content-security-policy', headers['content-security-policy']!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!v1/|webhooks/|_next/static|_next/image|icon|favicon|.*\\.ics$).*)',
      // Prefetches of links render nothing the browser runs on its own.
      missing: [{ type: 'header', key: 'next-router-prefetch' }],
    },
  ],
};
