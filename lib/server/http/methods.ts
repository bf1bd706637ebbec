import 'server-only';
import { DomainError } from '@/lib/domain/errors';
import { toErrorResponse } from './errors';
import { toResponse } from './route';

/** The methods Next.js hands to a route handler; others are refused before (scripts/lib/http-front.mjs). */
export const ROUTE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

type Handler = (req: Request, route: { params: Promise<never> }) => Promise<Response>;
type Offered = Partial<Record<RouteMethod, unknown>>;
/** HEAD comes with GET (Next.js answers it with the GET handler, without the body). */
type Missing<O extends Offered> = Exclude<
  RouteMethod,
  keyof O | (O extends { GET: unknown } ? 'HEAD' : never)
>;

/** `Allow` of a path offering `methods`: with HEAD when it has GET, and OPTIONS. */
export function allowOf(methods: string[]): string {
  const all = new Set([...methods, 'OPTIONS']);
  if (all.has('GET')) all.add('HEAD');
  return [...all].sort().join(', ');
}

export function methodNotAllowed(method: string, allow: string): Response {
  return toResponse(
    toErrorResponse(
      new DomainError('method_not_allowed', `${method} is not allowed here; allowed: ${allow}.`),
      method,
    ),
    { headers: { allow } },
  );
}

/**
 * The handlers of every method a route file does not offer: `405` with the JSON error body and
 * `Allow` (DESIGN §2) instead of Next.js's empty 405, and OPTIONS answering `204` with `Allow`.
 * A route file ends with `export const { PUT, DELETE, … } = otherMethods({ GET, POST });` (the
 * types refuse a name it offers; test/http/methods.int.test.ts finds one it forgot).
 */
export function otherMethods<O extends Offered>(offered: O): Record<Missing<O>, Handler> {
  const allow = allowOf(Object.keys(offered));
  const out: Partial<Record<RouteMethod, Handler>> = {};
  for (const method of ROUTE_METHODS) {
    if (method in offered || (method === 'HEAD' && 'GET' in offered)) continue;
    out[method] =
      method === 'OPTIONS'
        ? () => Promise.resolve(new Response(null, { status: 204, headers: { allow } }))
        : (req) => Promise.resolve(methodNotAllowed(req.method, allow));
  }
  return out as Record<Missing<O>, Handler>;
}
