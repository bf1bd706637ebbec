import 'server-only';
import { env } from '@/lib/env';
import { CalendarUnavailableError, type CalendarProvider } from '../types';

/** Microsoft 365 through `@azure/msal-node` and `@microsoft/microsoft-graph-client` (DESIGN §6). */
export const microsoftProvider: CalendarProvider = {
  name: 'MICROSOFT',
  isConfigured: () => Boolean(env().MICROSOFT_CLIENT_ID && env().MICROSOFT_CLIENT_SECRET),
  authorizeUrl: () => Promise.reject(new CalendarUnavailableError('Microsoft is not wired yet')),
  exchangeCode: () => Promise.reject(new CalendarUnavailableError('Microsoft is not wired yet')),
  client: () => {
    throw new CalendarUnavailableError('Microsoft is not wired yet');
  },
};
