import { DomainError } from '@/lib/domain/errors';
import { toErrorResponse } from '@/lib/server/http/errors';
import { toResponse } from '@/lib/server/http/route';

/**
 * Unknown API paths answer with the API's JSON error body, not an HTML page, whatever the method
 * (the server refuses methods Next.js cannot carry before: scripts/lib/http-front.mjs).
 */
function notFound(req: Request): Response {
  const path = new URL(req.url).pathname;
  return toResponse(
    toErrorResponse(new DomainError('not_found', `No API endpoint at ${path}`), path),
  );
}

export {
  notFound as GET,
  notFound as POST,
  notFound as PATCH,
  notFound as PUT,
  notFound as DELETE,
  notFound as OPTIONS,
};
