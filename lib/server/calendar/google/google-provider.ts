import 'server-only';
import { CalendarAuthError, CalendarUnavailableError, type CalendarProvider } from '../types';
import { googleClient } from './client';
import { authorizeUrl, exchangeCode, googleSettings, type GoogleSettings } from './oauth';

/**
 * Google Calendar through `@googleapis/calendar` and its `auth.OAuth2` (DESIGN §6), on the
 * settings `settings()` gives (the environment's, or a test's local server).
 */
export function createGoogleProvider(settings: () => GoogleSettings): CalendarProvider {
  const isConfigured = () => Boolean(settings().clientId && settings().clientSecret);
  const configured = (): GoogleSettings => {
    if (!isConfigured()) {
      throw new CalendarUnavailableError('Google is not configured (GOOGLE_CLIENT_ID/SECRET).');
    }
    return settings();
  };
  return {
    name: 'GOOGLE',
    isConfigured,
    authorizeUrl: async (params) => {
      const current = configured();
      return Promise.resolve(authorizeUrl(current, params));
    },
    exchangeCode: async (params) => exchangeCode(configured(), params),
    client: (credentials, onCredentials) => {
      const current = configured();
      try {
        return googleClient(current, credentials, onCredentials);
      } catch (error) {
        if (error instanceof CalendarAuthError) throw error;
        throw new CalendarUnavailableError(`Google client: ${(error as Error).message}`);
      }
    },
  };
}

export const googleProvider: CalendarProvider = createGoogleProvider(googleSettings);
