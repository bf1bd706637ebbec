import 'server-only';
import type { Client } from '@microsoft/microsoft-graph-client';
import { toCalendarError } from './errors';
import { graphClient } from './graph';
import { withTimeout } from './timeout';

/**
 * One Graph call on a fresh token, within PARLEY_CALENDAR_TIMEOUT_MS; any failure comes out as
 * CalendarAuthError or CalendarUnavailableError (the provider's error as its `cause`).
 */
export async function graph<T>(
  token: () => Promise<string>,
  doing: string,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  const accessToken = await token();
  try {
    return await withTimeout(work(graphClient(accessToken)));
  } catch (error) {
    throw toCalendarError(error, doing);
  }
}
