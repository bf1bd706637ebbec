/**
 * The built app (`next start`) as a process of its own, and fresh PostgreSQL databases: shared by
 * the benchmarks, the browser tests' setup and the HTTP tests that kill and restart the app.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

/** Encrypts stored secrets of test and benchmark processes only (DESIGN §10). */
const LOCAL_ENCRYPTION_KEY = Buffer.alloc(32, 3).toString('base64');

export const ADMIN_URL =
  process.env.PARLEY_TEST_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A new database on the PostgreSQL server at `adminUrl`, and how to drop it. */
export async function freshPostgres(
  prefix: string,
  adminUrl = ADMIN_URL,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export type AppProcess = {
  baseUrl: string;
  /** The server's main process (the cluster primary of scripts/serve.mjs). */
  pid: number;
  /** Printed by the demo seed on a fresh database (PARLEY_DEMO_SEED=1), else null. */
  credentials: { organizationId: string; apiKey: string; campaignId: string } | null;
  logFile: string;
  /** SIGTERM waits for a clean exit (then SIGKILL); SIGKILL is a crash. */
  stop: (signal?: 'SIGTERM' | 'SIGKILL') => Promise<void>;
};

/**
 * `npm start`'s server (scripts/serve.mjs: `next start` workers) on a free port in its own process
 * group, logging to a file. Resolves once it answers HTTP.
 */
export async function startAppProcess(options: {
  env: Record<string, string | undefined>;
  root?: string;
  nodeArgs?: string[];
  /** Chosen by the caller when something must know the URL before the server starts. */
  port?: number;
}): Promise<AppProcess> {
  const root = options.root ?? process.cwd();
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    throw new Error('No production build: run `npm run build` first.');
  }
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parley-app-')), 'server.log');
  const log = fs.openSync(logFile, 'a');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    // A production build needs a session secret; these processes are tests and benchmarks.
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'parley-test-secret-for-local-processes-only',
    PARLEY_ENCRYPTION_KEY: process.env.PARLEY_ENCRYPTION_KEY ?? LOCAL_ENCRYPTION_KEY,
    PORT: String(port),
    APP_URL: baseUrl,
    NEXT_TELEMETRY_DISABLED: '1',
    PARLEY_LOG_LEVEL: 'warn',
    // Tests and benchmarks send far more than a client would from one address and key; those
    // that measure or test the limits set their own.
    PARLEY_API_RATE_LIMIT: process.env.PARLEY_API_RATE_LIMIT ?? '1000000',
    PARLEY_PUBLIC_RATE_LIMIT: process.env.PARLEY_PUBLIC_RATE_LIMIT ?? '1000000',
    ...options.env,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  // Node flags (e.g. --cpu-prof, which NODE_OPTIONS refuses) reach the workers through the
  // primary's own flags (scripts/serve.mjs).
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      path.join(root, 'scripts/serve.mjs'),
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    { cwd: root, env, detached: true, stdio: ['ignore', log, log] },
  );
  fs.closeSync(log);
  const stop = (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => killGroup(child, signal);
  try {
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error('next start exited');
      if (Date.now() > deadline) throw new Error('next start did not answer within 90 s');
      const ok = await fetch(`${baseUrl}/v1/openapi.json`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await sleep(200);
    }
    // The boot (migrations, demo seed) finishes before the first request is answered.
    const output = fs.readFileSync(logFile, 'utf8');
    const read = (name: string) => new RegExp(`${name}=(\\S+)`).exec(output)?.[1];
    const [organizationId, apiKey, campaignId] = [
      'PARLEY_ORGANIZATION_ID',
      'PARLEY_API_KEY',
      'PARLEY_CAMPAIGN_ID',
    ].map(read);
    return {
      baseUrl,
      pid: child.pid!,
      credentials:
        organizationId && apiKey && campaignId ? { organizationId, apiKey, campaignId } : null,
      logFile,
      stop,
    };
  } catch (error) {
    await stop('SIGKILL');
    throw new Error(
      `${(error as Error).message}\n--- server log ---\n${fs.readFileSync(logFile, 'utf8').slice(-4000)}`,
    );
  }
}

export async function killGroup(
  child: ChildProcess,
  signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM',
): Promise<void> {
  const pid = child.pid;
  if (!pid) return;
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-pid, signal);
  } catch {
    return;
  }
  for (let i = 0; i < 100 && alive(); i++) await sleep(100);
  if (alive()) process.kill(-pid, 'SIGKILL');
  while (alive()) await sleep(50);
}
