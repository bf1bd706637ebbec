import 'server-only';
import type * as Graph from '@microsoft/microsoft-graph-types';
import type { CalendarClient, Credentials } from '../types';
import { acquireGraphToken, parseCredentials, type MicrosoftCredentials } from './credentials';
import { graphStatus, toCalendarError } from './errors';
import { graph, type GraphApi } from './graph-call';
import { EVENT_SELECT, eventFields, newEventBody, toCalendarEvent } from './graph-events';
import { scheduleBusy, scheduleChunks } from './graph-schedule';

/**
 * A connected Microsoft 365 calendar: every call takes a Graph token from the connection's msal
 * cache (refreshing and persisting it when due), then calls Graph, within the calendar timeout.
 */
export function microsoftClient(
  stored: Credentials,
  onCredentials: (next: Credentials) => Promise<void>,
): CalendarClient {
  let credentials: MicrosoftCredentials | undefined;
  // One refresh at a time per client; later calls read the cache it left.
  let tokenChain: Promise<unknown> = Promise.resolve();
  const token = (): Promise<string> => {
    const next = tokenChain.then(async () => {
      credentials ??= parseCredentials(stored);
      const result = await acquireGraphToken(credentials, onCredentials);
      credentials = result.credentials;
      return result.accessToken;
    });
    tokenChain = next.catch(() => undefined);
    return next;
  };
  const call = <T>(doing: string, work: (api: GraphApi) => Promise<T>) => graph(token, doing, work);

  return {
    busy: async (range) => {
      const chunks = scheduleChunks(range);
      const parts = await Promise.all(
        chunks.map((chunk) =>
          call('getSchedule', (api) => scheduleBusy(api, credentials!.email, chunk)),
        ),
      );
      return parts.flat().sort((a, b) => a.start - b.start);
    },
    createEvent: (input) =>
      call('create event', async (api) =>
        toCalendarEvent((await api('/me/events').post(newEventBody(input))) as Graph.Event),
      ),
    updateEvent: (eventId, input) =>
      call('update event', async (api) =>
        toCalendarEvent(
          (await api(`/me/events/${encodeURIComponent(eventId)}`).patch(
            eventFields(input),
          )) as Graph.Event,
        ),
      ),
    cancelEvent: async (eventId, input) => {
      try {
        await call('cancel event', (api) =>
          api(`/me/events/${encodeURIComponent(eventId)}/cancel`).post({
            comment: `${input.title} is cancelled.`,
          }),
        );
      } catch (error) {
        if (isGone(error)) return;
        throw toCalendarError(error, 'cancel event');
      }
    },
    getEvent: async (eventId) => {
      try {
        return await call('read event', async (api) =>
          toCalendarEvent(
            (await api(`/me/events/${encodeURIComponent(eventId)}`)
              .select(EVENT_SELECT)
              .get()) as Graph.Event,
          ),
        );
      } catch (error) {
        if (isGone(error)) return null;
        throw toCalendarError(error, 'read event');
      }
    },
  };
}

/** An event that no longer exists (deleted, or gone with its cancellation). */
function isGone(error: unknown): boolean {
  const status = graphStatus((error as { cause?: unknown }).cause ?? error);
  return status === 404 || status === 410;
}
