/** Shared pieces of the benchmark scripts. */
import fs from 'node:fs';
import { freshPostgres, startAppProcess } from './lib/app-process';

const BENCH_ADMIN_URL = process.env.BENCH_ADMIN_URL;

export function requireBuild(): void {
  if (!fs.existsSync('.next/BUILD_ID')) {
    console.error('No production build: run `npm run build` first.');
    process.exit(2);
  }
}

/** A fresh database on the local PostgreSQL server (or BENCH_ADMIN_URL's). */
/** BENCH_NODE_ARGS (e.g. "--cpu-prof"): extra Node flags of the benchmarked server. */
export const benchNodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean);

export function freshDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  return freshPostgres(prefix, BENCH_ADMIN_URL);
}

export type AppCredentials = { organizationId: string; apiKey: string; campaignId: string };

export type RunningApp = AppCredentials & { baseUrl: string; stop: () => Promise<void> };

/**
 * `next start` on `env`'s database with the demo organization seeded, or, given the credentials
 * of an earlier start on the same database, without (the seed prints them only once).
 * BENCH_NODE_ARGS (e.g. "--cpu-prof") runs the server under extra Node flags for profiling.
 */
export async function startApp(
  env: Record<string, string>,
  credentials?: AppCredentials,
): Promise<RunningApp> {
  const app = await startAppProcess({
    env: { PARLEY_DEMO_SEED: '1', PARLEY_ALLOW_PRIVATE_WEBHOOKS: '1', ...env },
    nodeArgs: benchNodeArgs,
  });
  const found = credentials ?? app.credentials;
  if (!found) {
    await app.stop();
    throw new Error('The app printed no demo credentials (is the database fresh?)');
  }
  return { baseUrl: app.baseUrl, ...found, stop: () => app.stop() };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function dateInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
