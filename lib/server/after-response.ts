import 'server-only';
import { after } from 'next/server';

/**
 * Runs `task` once the current response has been sent (Next.js `after`), so its work is never on
 * the request's path; outside a request (a job, a script) it runs on the next turn of the event
 * loop instead. The task must handle its own errors.
 */
export function afterResponse(task: () => Promise<void>): void {
  try {
    after(task);
  } catch {
    // `after` refuses outside a request scope.
    setImmediate(() => void task());
  }
}
