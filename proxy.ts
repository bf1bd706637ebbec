import { NextResponse, type NextRequest } from 'next/server';

/**
 * A strict, nonce-based Content-Security-Policy for the HTML pages candidates open (booking
 * pages and the dev video room). Next.js reads the nonce from the request's CSP header and puts
 * it on its own scripts and styles; 'strict-dynamic' lets those load their chunks. Nothing else
 * may run, the pages may not be framed, and they only talk to their own origin.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = btoa(crypto.randomUUID());
  const isDev = process.env.NODE_ENV === 'development';
  const policy = [
    "default-src 'self'",
    // React needs eval only in development (error stacks); production never evals.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // The development overlay sets style attributes; in production nothing inline is needed.
    isDev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(request.nextUrl.protocol === 'https:' ? ['upgrade-insecure-requests'] : []),
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('x-robots-tag', 'noindex, nofollow');
  return response;
}

export const config = {
  // Only the candidate-facing pages; the JSON API and static assets need no document policy.
  matcher: ['/book/:path*', '/dev/:path*'],
};
