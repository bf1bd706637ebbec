import 'server-only';

type After = (task: () => Promise<void>) => void;

/** Next.js's server puts AsyncLocalStorage on globalThis; a job runner or a test has none. */
const runtime = globalThis as typeof globalThis & { AsyncLocalStorage?: unknown };
/** Loaded with this module inside Next.js, so the first response does not wait for it. */
const nextAfter: Promise<After> | undefined = runtime.AsyncLocalStorage
  ? import('next/server').then((module) => module.after)
  : undefined;

/**
 * Runs `task` once the current response has been sent (Next.js `after`), so its work is never on
 * the request's path; outside Next.js's server (a worker, a script, a test) or outside a request
 * it runs on the next turn of the event loop instead. `next/server` is loaded only inside Next.js,
 * where it can be: elsewhere loading it throws. The task must handle its own errors.
 */
export function afterResponse(task: () => Promise<void>): void {
  if (!nextAfter) {
    setImmediate(() => void task());
    return;
  }
  // The request's async context carries over into the continuation, so `after` still sees it.
  void nextAfter.then((after) => {
    try {
      after(task);
    } catch {
      // `after` refuses outside a request scope.
      void task();
    }
  });
}
