/** Every failure a caller can act on has one of these codes; lib/server/http maps them to HTTP. */
export type ErrorCode =
  | 'validation_error'
  | 'invalid_json'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'slot_unavailable'
  | 'idempotency_mismatch'
  | 'payload_too_large'
  | 'rate_limited';

export type ErrorDetail = { path: string; message: string };

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function notFound(what: string, path?: string): DomainError {
  return new DomainError(
    'not_found',
    `${what} not found`,
    path ? [{ path, message: `${what} not found` }] : undefined,
  );
}

export function invalid(path: string, message: string): DomainError {
  return new DomainError('validation_error', message, [{ path, message }]);
}
