import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { ADMIN_URL } from './global-setup';

export type ChildApp = {
  baseUrl: string;
  credentials: { organizationId: string; apiKey: string } | null;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The built app as its own `next start` process (its own process group, so it can be killed
 * like a crashed server), on `env`'s database. Resolves once it answers HTTP; reads the demo
 * credentials it prints on a fresh database.
 */
export async function startChildApp(env: Record<string, string>, port?: number): Promise<ChildApp> {
  const listenPort = port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${listenPort}`;
  const child: ChildProcess = spawn(
    'npx',
    ['next', 'start', '-p', String(listenPort), '-H', '127.0.0.1'],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        APP_URL: baseUrl,
        PORT: String(listenPort),
        NEXT_TELEMETRY_DISABLED: '1',
        PARLEY_ALLOW_PRIVATE_WEBHOOKS: '1',
        PARLEY_LOG_LEVEL: 'warn',
        ...env,
      },
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`app exited early:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/v1/openapi.json`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`app did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // The boot (migrations, demo seed) runs before the first request is answered.
  const organizationId = /PARLEY_ORGANIZATION_ID=(\S+)/.exec(output)?.[1];
  const apiKey = /PARLEY_API_KEY=(\S+)/.exec(output)?.[1];
  return {
    baseUrl,
    credentials: organizationId && apiKey ? { organizationId, apiKey } : null,
    stop: async (signal = 'SIGKILL') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, signal);
      await exited;
    },
  };
}

/** A database of its own for the child app, so no other worker can deliver its jobs. */
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
  const name = `parley_child_${randomBytes(5).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const cleanup = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** `npm run worker` as its own process on `databaseUrl`. */
export function startWorkerProcess(databaseUrl: string): { stop: () => Promise<void> } {
  const child = spawn('npx', ['tsx', '--conditions=react-server', 'scripts/worker.ts'], {
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PARLEY_ALLOW_PRIVATE_WEBHOOKS: '1',
      PARLEY_LOG_LEVEL: 'warn',
    },
  });
  return {
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
}
