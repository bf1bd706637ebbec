import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  freshPostgres,
  killGroup,
  startAppProcess,
  type AppProcess,
} from '../../scripts/lib/app-process';

export type ChildApp = AppProcess;

/** The built app as its own process on `env`'s database, with loopback webhooks allowed. */
export function startChildApp(env: Record<string, string>): Promise<ChildApp> {
  return startAppProcess({ env: { PARLEY_ALLOW_PRIVATE_WEBHOOKS: '1', ...env } });
}

/** A database of its own for a child app, so no other worker can deliver its jobs. */
export async function childDatabase(): Promise<{
  env: Record<string, string>;
  drop: () => Promise<void>;
}> {
  if (process.env.PARLEY_TEST_DB !== 'postgres') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-child-'));
    return {
      env: { PARLEY_DATA_DIR: dir, DATABASE_URL: '' },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const database = await freshPostgres('parley_child');
  return { env: { DATABASE_URL: database.url }, drop: database.drop };
}

/** `npm run worker` as its own process on `databaseUrl`. */
export function startWorkerProcess(databaseUrl: string): { stop: () => Promise<void> } {
  const child = spawn(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/worker.ts'],
    {
      detached: true,
      stdio: 'ignore',
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PARLEY_ALLOW_PRIVATE_WEBHOOKS: '1',
        PARLEY_LOG_LEVEL: 'warn',
      },
    },
  );
  return { stop: () => killGroup(child) };
}

/** Calls to a child app with its demo organization's credentials (or those of an earlier run). */
export function childApi(app: ChildApp, auth = app.credentials!) {
  const headers = {
    'content-type': 'application/json',
    'x-api-key': auth.apiKey,
    'x-organization-id': auth.organizationId,
  };
  const request = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${app.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  return {
    post: (path: string, body?: unknown) => request('POST', path, body),
    get: (path: string) => request('GET', path),
  };
}
