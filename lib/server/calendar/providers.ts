import 'server-only';
import type { CalendarProviderName } from '@/lib/server/db/schema/calendars';
import { googleProvider } from './google/google-provider';
import { microsoftProvider } from './microsoft/microsoft-provider';
import type { CalendarProvider } from './types';

export function providerFor(name: Exclude<CalendarProviderName, 'DEV'>): CalendarProvider {
  return name === 'GOOGLE' ? googleProvider : microsoftProvider;
}

/** The real providers whose credentials are set (those a person can connect). */
export function configuredProviders(): CalendarProvider[] {
  return [googleProvider, microsoftProvider].filter((p) => p.isConfigured());
}
