import 'server-only';
import { ZodError, type z } from 'zod';
import { DomainError, type ErrorCode, type ErrorDetail } from '@/lib/domain/errors';
import { log } from '@/lib/server/log';

const statusOf: Record<ErrorCode, number> = {
  validation_error: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  slot_unavailable: 409,
  idempotency_mismatch: 409,
  payload_too_large: 413,
  rate_limited: 429,
};

export type ErrorResponse = {
  status: number;
  body: { error: { code: string; message: string; details?: ErrorDetail[] } };
};

export function issuesToDetails(
  issues: z.core.$ZodIssue[],
  prefix: (string | number)[] = [],
): ErrorDetail[] {
  return issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.'),
    message: issue.message,
  }));
}

/** The single place where a failure becomes an HTTP status and the public error body. */
export function toErrorResponse(error: unknown, context: string): ErrorResponse {
  if (error instanceof DomainError) {
    return {
      status: statusOf[error.code],
      body: {
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      },
    };
  }
  if (error instanceof ZodError) {
    const details = issuesToDetails(error.issues);
    return {
      status: 400,
      body: { error: { code: 'validation_error', message: summarize(details), details } },
    };
  }
  log.error('unhandled error', { context, error });
  return {
    status: 500,
    body: { error: { code: 'internal_error', message: 'Something went wrong on our side.' } },
  };
}

export function summarize(details: ErrorDetail[]): string {
  const first = details[0];
  if (!first) return 'The request is not valid.';
  const head = first.path ? `${first.path}: ${first.message}` : first.message;
  return details.length > 1 ? `${head} (and ${details.length - 1} more)` : head;
}
