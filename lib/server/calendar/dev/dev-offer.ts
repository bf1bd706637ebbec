import 'server-only';
import { env } from '@/lib/env';
import { configuredProviders } from '../providers';

/**
 * Whether people may connect the development calendar (DESIGN §6): when no real provider is
 * configured (development, demos), and always outside production — unless PARLEY_DEV_CALENDAR
 * says otherwise.
 */
export function isDevCalendarOffered(): boolean {
  return (
    env().PARLEY_DEV_CALENDAR ??
    (configuredProviders().length === 0 || env().NODE_ENV !== 'production')
  );
}
