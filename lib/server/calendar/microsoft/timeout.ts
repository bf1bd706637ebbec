import 'server-only';
import { env } from '@/lib/env';
import { CalendarUnavailableError } from '../types';

/**
 * `work`, or CalendarUnavailableError after PARLEY_CALENDAR_TIMEOUT_MS: a provider that does not
 * answer in time counts as failed (its calendar is busy, never free).
 */
export function withTimeout<T>(work: Promise<T>): Promise<T> {
  const ms = env().PARLEY_CALENDAR_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CalendarUnavailableError(`Microsoft did not answer within ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
