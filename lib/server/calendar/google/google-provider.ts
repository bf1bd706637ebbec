import 'server-only';
import { env } from '@/lib/env';
import { CalendarUnavailableError, type CalendarProvider } from '../types';

/** Google Calendar through `@googleapis/calendar` and its `auth.OAuth2` (DESIGN §6). */
export const googleProvider: CalendarProvider = {
  name: 'GOOGLE',
  isConfigured: () => Boolean(env().GOOGLE_CLIENT_ID && env().GOOGLE_CLIENT_SECRET),
  authorizeUrl: () => Promise.reject(new CalendarUnavailableError('Google is not wired yet')),
  exchangeCode: () => Promise.reject(new CalendarUnavailableError('Google is not wired yet')),
  client: () => {
    throw new CalendarUnavailableError('Google is not wired yet');
  },
};
