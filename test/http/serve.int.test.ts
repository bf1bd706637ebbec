import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/factories';
import { childApi, childDatabase, startChildApp, type ChildApp } from '../support/child-app';

/** The `next start` workers of `npm start`'s cluster primary. */
function workerPids(app: ChildApp): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(app.pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((pid) => pid > 0);
  } catch {
    return []; // ps exits 1 when there is no such process
  }
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe('npm start (scripts/serve.mjs)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('runs one worker per PARLEY_WEB_CONCURRENCY on PostgreSQL, one on the embedded database, and replaces a worker that dies', async () => {
    const database = await childDatabase();
    cleanups.push(database.drop);
    const app = await startChildApp({
      ...database.env,
      PARLEY_DEMO_SEED: '1',
      PARLEY_WEB_CONCURRENCY: '2',
      PARLEY_LOG_LEVEL: 'info',
    });
    cleanups.push(() => app.stop());
    const expected = database.env.DATABASE_URL ? 2 : 1;
    const log = () => fs.readFileSync(app.logFile, 'utf8');
    await eventually(() => count(log(), /"parley ready"/g) === expected);
    expect(workerPids(app)).toHaveLength(expected);
    // The demo organization is created and printed once, whichever worker booted first.
    expect(count(log(), /PARLEY_API_KEY=/g)).toBe(1);
    if (expected === 1) expect(log()).toContain('PARLEY_WEB_CONCURRENCY is ignored');

    const { get } = childApi(app);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => get('/v1/campaigns').then((r) => r.status)),
    );
    expect(statuses).toEqual(Array(20).fill(200));

    // A worker that crashes is replaced, and the server keeps answering meanwhile.
    const [victim] = workerPids(app);
    process.kill(victim!, 'SIGKILL');
    await eventually(() => {
      const pids = workerPids(app);
      return pids.length === expected && !pids.includes(victim!);
    }, 30_000);
    // Connections the dead worker held are gone; new ones reach the others.
    await eventually(() =>
      get('/v1/campaigns').then(
        (r) => r.status === 200,
        () => false,
      ),
    );
    await eventually(() => count(log(), /"parley ready"/g) === expected + 1, 30_000);
  }, 120_000);
});
