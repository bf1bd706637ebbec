import 'server-only';
import { CalendarUnavailableError } from '../types';

/**
 * Runs `work` for at most `ms`: a provider that does not answer in time counts as unavailable
 * (its requests carry the same timeout, so nothing keeps running for long after).
 */
export async function withTimeout<T>(
  ms: number,
  action: string,
  work: () => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CalendarUnavailableError(`Google timed out after ${ms} ms while ${action}`)),
      ms,
    );
  });
  try {
    return await Promise.race([work(), expired]);
  } finally {
    clearTimeout(timer);
  }
}
