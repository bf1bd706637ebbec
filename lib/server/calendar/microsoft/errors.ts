import 'server-only';
import { CalendarAuthError, CalendarUnavailableError } from '../types';

/** msal error codes that mean the stored grant is no good: the person must consent again. */
const GRANT_REFUSED = new Set([
  'invalid_grant',
  'interaction_required',
  'consent_required',
  'login_required',
  'bad_token',
  'no_tokens_found',
  'no_account_in_silent_request',
  'refresh_token_expired',
]);

type ProviderError = {
  name?: string;
  message?: string;
  errorCode?: string;
  subError?: string;
  statusCode?: number;
  code?: string;
};

/**
 * Any failure of msal or Graph as one of the two errors a calendar client may throw (types.ts):
 * a refused grant (msal `invalid_grant` and the like, Graph 401/403) needs a reconnect; anything
 * else — 5xx, throttling, timeouts, the network, an answer Parley cannot read — is unavailable.
 */
export function toCalendarError(error: unknown, doing: string): Error {
  if (error instanceof CalendarAuthError || error instanceof CalendarUnavailableError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as ProviderError;
  const message = e.message ?? String(error);
  const isInteraction = e.name === 'InteractionRequiredAuthError';
  if (
    isInteraction ||
    GRANT_REFUSED.has(e.errorCode ?? '') ||
    GRANT_REFUSED.has(e.subError ?? '')
  ) {
    return new CalendarAuthError(`Microsoft refused the stored grant (${doing}): ${message}`, {
      cause: error,
    });
  }
  if (e.statusCode === 401 || e.statusCode === 403) {
    return new CalendarAuthError(
      `Microsoft Graph refused access (${doing}): ${e.code ?? message}`,
      {
        cause: error,
      },
    );
  }
  const status = typeof e.statusCode === 'number' && e.statusCode > 0 ? ` ${e.statusCode}` : '';
  return new CalendarUnavailableError(`Microsoft failed${status} (${doing}): ${message}`, {
    cause: error,
  });
}

/** The HTTP status Graph answered with, when the error is Graph's. */
export function graphStatus(error: unknown): number | undefined {
  const status = (error as ProviderError | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}
