import 'server-only';

/**
 * The strict, nonce-based Content-Security-Policy of every HTML page (booking pages, the dev video
 * room, the dashboard to come), with frame protection, noindex, HSTS over https and a
 * Permissions-Policy. Only scripts carrying the response's nonce run ('strict-dynamic' lets them
 * load their chunks), the pages may not be framed, and they only talk to their own origin.
 */
export function pagePolicyHeaders(options: {
  nonce: string;
  isDev: boolean;
  isHttps: boolean;
}): Record<string, string> {
  const { nonce, isDev, isHttps } = options;
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
    ...(isHttps ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return {
    'content-security-policy': policy,
    'x-frame-options': 'DENY',
    'x-robots-tag': 'noindex, nofollow',
    // None of these pages needs a device or sensor; no embedded content may ask for one either.
    'permissions-policy':
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), magnetometer=(), gyroscope=(), accelerometer=()',
    ...(isHttps ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/** A fresh nonce for one response. */
export function newNonce(): string {
  return btoa(crypto.randomUUID());
}
