import 'server-only';
import { RetryHandlerOptions, type GraphRequest } from '@microsoft/microsoft-graph-client';
import { toCalendarError } from './errors';
import { graphClient } from './graph';
import { withTimeout } from './timeout';

/** A request on Graph's path (`/me/events`), e.g. `api('/me').get()`. */
export type GraphApi = (path: string) => GraphRequest;

/**
 * One Graph call on a fresh token, within PARLEY_CALENDAR_TIMEOUT_MS; any failure comes out as
 * CalendarAuthError or CalendarUnavailableError (the provider's error as its `cause`).
 */
export async function graph<T>(
  token: () => Promise<string>,
  doing: string,
  work: (api: GraphApi) => Promise<T>,
): Promise<T> {
  const accessToken = await token();
  const client = graphClient(accessToken);
  // The SDK's own retries (seconds apart) would outlast the calendar timeout: a failure is
  // reported at once, and the caller retries (the sync job's backoff) or counts the time busy.
  const api: GraphApi = (path) =>
    client.api(path).middlewareOptions([new RetryHandlerOptions(0, 0)]);
  try {
    return await withTimeout(work(api));
  } catch (error) {
    throw toCalendarError(error, doing);
  }
}
