import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

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
