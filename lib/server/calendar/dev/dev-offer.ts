import 'server-only';
import { env } from '@/lib/env';
import { configuredProviders } from '../providers';

/**
 * Whether people may connect the development calendar (DESIGN §6): when no real provider is
 * configured (development, demos), and always outside production.
 */
export function isDevCalendarOffered(): boolean {
  return configuredProviders().length === 0 || env().NODE_ENV !== 'production';
}
