import 'server-only';
import { calendar } from '@googleapis/calendar';
import { log } from '@/lib/server/log';
import type { CalendarClient, Credentials } from '../types';
import { queryBusy } from './busy';
import { cancelEvent, createEvent, getEvent, updateEvent } from './events';
import { toCalendarError } from './errors';
import { newOAuthClient, parseTokens, serializeTokens, type GoogleSettings } from './oauth';
import { withTimeout } from './timeout';

/**
 * A Google calendar on a stored grant. The SDK refreshes the access token when it is due (or after
 * a 401); the new tokens are handed to `onCredentials` once the call is over. Requests are not
 * retried here: a page view must not wait, and the sync job retries with backoff.
 */
export function googleClient(
  settings: GoogleSettings,
  credentials: Credentials,
  onCredentials: (next: Credentials) => Promise<void>,
): CalendarClient {
  const oauth = newOAuthClient(settings);
  const tokens = parseTokens(credentials);
  oauth.setCredentials(tokens);
  const api = calendar({
    version: 'v3',
    auth: oauth,
    rootUrl: settings.apiUrl,
    timeout: settings.timeoutMs,
    retry: false,
  });
  let stored = serializeTokens(tokens);

  async function persistRefreshed(): Promise<void> {
    const current = serializeTokens({
      ...oauth.credentials,
      refresh_token: oauth.credentials.refresh_token ?? tokens.refresh_token,
    });
    if (current === stored) return;
    stored = current;
    try {
      await onCredentials(current);
    } catch (error) {
      // The refresh token itself did not change: losing the new access token costs one refresh.
      log.warn('could not store refreshed Google tokens', { error: (error as Error).message });
    }
  }

  async function run<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await withTimeout(settings.timeoutMs, action, work);
    } catch (error) {
      throw toCalendarError(error, action);
    } finally {
      await persistRefreshed();
    }
  }

  return {
    busy: (range) => run('reading free/busy', () => queryBusy(api, range)),
    createEvent: (input) => run('creating the event', () => createEvent(api, input)),
    updateEvent: (eventId, input) =>
      run('updating the event', () => updateEvent(api, eventId, input)),
    cancelEvent: (eventId) => run('cancelling the event', () => cancelEvent(api, eventId)),
    getEvent: (eventId) => run('reading the event', () => getEvent(api, eventId)),
  };
}
