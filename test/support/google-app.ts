import { spawn } from 'node:child_process';
import { createGoogleProvider } from '@/lib/server/calendar/google/google-provider';
import { childDatabase, startChildApp, type ChildApp } from './child-app';
import type { FakeGoogle } from './fake-google';

/**
 * What the connect flow stores for `email`'s Google account: its consent on the local Google
 * server, and the code exchanged through the app's own provider (the real SDK).
 */
export async function grantedCredentials(google: FakeGoogle, email: string): Promise<string> {
  const provider = createGoogleProvider(() => ({
    clientId: google.env.GOOGLE_CLIENT_ID,
    clientSecret: google.env.GOOGLE_CLIENT_SECRET,
    oauthUrl: google.env.GOOGLE_OAUTH_URL,
    tokenUrl: google.env.GOOGLE_TOKEN_URL,
    apiUrl: google.env.GOOGLE_API_URL,
    timeoutMs: 5_000,
  }));
  const redirectUri = 'http://127.0.0.1:9/connect/google/callback';
  const url = await provider.authorizeUrl({ state: 'invite', redirectUri, loginHint: email });
  const code = (await google.consent(url)).get('code')!;
  const account = await provider.exchangeCode({ code, redirectUri });
  if (account.email !== email) throw new Error(`consent signed in ${account.email}, not ${email}`);
  return account.credentials;
}

/**
 * The built app as its own process with Google configured (GOOGLE_* aimed at the local Google
 * server), on a database of its own. The suite's shared app runs with no provider credentials
 * (its tests rely on the development video room), so the Google suite gets this one instead.
 * `task` runs test/support/google-child-tasks.ts on its database while the app is stopped.
 */
export async function startGoogleApp(google: FakeGoogle, settings: Record<string, string> = {}) {
  const database = await childDatabase();
  const env: Record<string, string> = {
    ...database.env,
    ...google.env,
    PARLEY_DEMO_SEED: '0',
    PARLEY_WEBHOOK_TIMEOUT_MS: '2000',
    NODE_ENV: 'production',
    NEXTAUTH_SECRET: 'parley-test-secret-for-local-processes-only',
    ...settings,
  };
  let app: ChildApp | null = null;

  function task<T>(name: 'seed' | 'poll' | 'inspect', input: unknown = {}): Promise<T> {
    if (app) throw new Error('stop the app before touching its database');
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          'node_modules/tsx/dist/cli.mjs',
          '--conditions=react-server',
          'test/support/google-child-tasks.ts',
          name,
        ],
        { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('exit', (code) => {
        const line = out.trim().split('\n').at(-1);
        if (code === 0 && line) resolve(JSON.parse(line) as T);
        else reject(new Error(`task ${name} exited ${code}: ${err.slice(-2000)}`));
      });
      child.stdin.end(JSON.stringify(input));
    });
  }

  return {
    env,
    task,
    app: () => {
      if (!app) throw new Error('the app is not running');
      return app;
    },
    start: async () => {
      app = await startChildApp(env);
      return app;
    },
    stop: async () => {
      await app?.stop();
      app = null;
    },
    /** Kills the app mid-work, as a crash would (no shutdown, nothing drained). */
    crash: async () => {
      await app?.stop('SIGKILL');
      app = null;
    },
    drop: async () => {
      await app?.stop();
      app = null;
      await database.drop();
    },
  };
}
