import 'server-only';

/**
 * The server's one clock: route handlers, pages and job handlers read "now" here and pass it down
 * as a parameter (the domain never reads a clock). Tests that run the app in their own process
 * pin it to a fixed instant with `setClock`, so HTTP tests can use fixed instants too. Kept on
 * globalThis because Next.js's bundles and the test process each load their own copy of this module.
 */
type Clock = () => number;

const store = globalThis as typeof globalThis & { __parleyClock?: Clock };

export function now(): Date {
  return new Date(store.__parleyClock ? store.__parleyClock() : Date.now());
}

/** Replaces the clock (tests only): a fixed instant, a function of real time, or null to reset. */
export function setClock(clock: Clock | number | null): void {
  store.__parleyClock =
    clock === null ? undefined : typeof clock === 'number' ? () => clock : clock;
}
