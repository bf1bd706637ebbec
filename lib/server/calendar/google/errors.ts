import 'server-only';
import { CalendarAuthError, CalendarUnavailableError } from '../types';

type HttpFailure = {
  status?: number;
  data?: unknown;
  code?: string;
  message: string;
};

/** What gaxios (the SDK's transport) says about a failed request, read defensively. */
export function failureOf(error: unknown): HttpFailure {
  const e = (error ?? {}) as {
    message?: unknown;
    code?: unknown;
    status?: unknown;
    response?: { status?: unknown; data?: unknown };
  };
  const status =
    typeof e.response?.status === 'number'
      ? e.response.status
      : typeof e.status === 'number'
        ? e.status
        : undefined;
  return {
    status,
    data: e.response?.data,
    code: typeof e.code === 'string' ? e.code : undefined,
    message: typeof e.message === 'string' ? e.message : String(error),
  };
}

/** The HTTP status of a failed SDK call, if the server answered. */
export function statusOf(error: unknown): number | undefined {
  return failureOf(error).status;
}

/** Google's error reasons (`error.errors[].reason`, or the OAuth `error` string). */
function reasonsOf(data: unknown): string[] {
  if (!data || typeof data !== 'object') return [];
  const body = data as { error?: unknown };
  if (typeof body.error === 'string') return [body.error];
  const inner = body.error as { errors?: { reason?: unknown }[]; status?: unknown } | undefined;
  const reasons = (inner?.errors ?? []).flatMap((r) =>
    typeof r.reason === 'string' ? [r.reason] : [],
  );
  return typeof inner?.status === 'string' ? [...reasons, inner.status] : reasons;
}

const RATE_LIMIT_REASONS = new Set([
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'quotaExceeded',
  'dailyLimitExceeded',
  'RESOURCE_EXHAUSTED',
]);

/**
 * Maps anything the SDK threw to the contract's two errors (lib/server/calendar/types.ts): a grant
 * Google refuses (`invalid_grant`, a 401 the refresh did not cure, a permission taken back) needs
 * the person to reconnect; everything else — 5xx, 429, timeouts, network errors, an odd answer —
 * leaves the answer unknown.
 */
export function toCalendarError(error: unknown, action: string): Error {
  if (error instanceof CalendarAuthError || error instanceof CalendarUnavailableError) return error;
  const failure = failureOf(error);
  const reasons = reasonsOf(failure.data);
  if (reasons.includes('invalid_grant') || failure.message === 'invalid_grant') {
    return new CalendarAuthError(`Google refused the stored grant (invalid_grant) while ${action}`);
  }
  if (failure.status === 401) {
    return new CalendarAuthError(`Google refused the credentials (401) while ${action}`);
  }
  if (failure.status === 403 && !reasons.some((r) => RATE_LIMIT_REASONS.has(r))) {
    return new CalendarAuthError(`Google refused access (403) while ${action}`);
  }
  const what = failure.status
    ? `HTTP ${failure.status}`
    : (failure.code ?? failure.message ?? 'no answer');
  return new CalendarUnavailableError(`Google did not answer while ${action}: ${what}`);
}
