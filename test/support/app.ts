import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { attachFront } from '../../scripts/lib/http-front.mjs';

/** The HTTP suite's encryption key (DESIGN §10): a fixed value, for tests only. */
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 1).toString('base64');

/** Inbound email of the HTTP suite: replies to `reply+<token>@` this domain, raw route secret. */
export const TEST_INBOUND_DOMAIN = 'inbound.parley.test';
export const TEST_INBOUND_SECRET = 'parley-test-inbound-email-secret';

type App = { baseUrl: string; close: () => Promise<void> };

const store = globalThis as typeof globalThis & { __parleyTestApp?: Promise<App> };
const root = path.resolve(import.meta.dirname, '../..');

/**
 * The production build of the app (`next build` output), served by Next.js itself in this test
 * process, on a free port. Tests talk to it over real HTTP; they share its database connection
 * (kept on globalThis) to seed data and to check what was stored.
 */
export function startApp(databaseUrl: string | null): Promise<App> {
  store.__parleyTestApp ??= boot(databaseUrl);
  return store.__parleyTestApp;
}

async function boot(databaseUrl: string | null): Promise<App> {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    throw new Error('No production build: run `npm run build` (npm test does it for you).');
  }
  const server = http.createServer();
  // Longer than any pause between two requests of a test (the CLI tests spawn processes).
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  Object.assign(process.env, {
    NODE_ENV: 'production',
    NEXTAUTH_SECRET: 'parley-test-secret-for-the-http-suite-only',
    PARLEY_ENCRYPTION_KEY: process.env.PARLEY_ENCRYPTION_KEY ?? TEST_ENCRYPTION_KEY,
    APP_URL: baseUrl,
    PORT: String(port),
    PARLEY_DEMO_SEED: '0',
    PARLEY_LOG_LEVEL: process.env.PARLEY_LOG_LEVEL ?? 'warn',
    PARLEY_ALLOW_PRIVATE_WEBHOOKS: '1',
    PARLEY_WEBHOOK_TIMEOUT_MS: '2000',
    // Microsoft is configured for the suite (fake-microsoft-suite.ts); keep the dev calendar too.
    PARLEY_DEV_CALENDAR: '1',
    PARLEY_INBOUND_EMAIL_DOMAIN: TEST_INBOUND_DOMAIN,
    PARLEY_INBOUND_EMAIL_SECRET: TEST_INBOUND_SECRET,
    // High enough that no suite trips them; the rate-limit tests start apps with low ones.
    PARLEY_API_RATE_LIMIT: process.env.PARLEY_API_RATE_LIMIT ?? '1000000',
    PARLEY_PUBLIC_RATE_LIMIT: process.env.PARLEY_PUBLIC_RATE_LIMIT ?? '1000000',
    NEXT_TELEMETRY_DISABLED: '1',
  });
  if (databaseUrl) {
    process.env.DATABASE_URL = databaseUrl;
  } else {
    delete process.env.DATABASE_URL;
    process.env.PARLEY_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-test-'));
  }

  const require = createRequire(import.meta.url);
  const next = require('next') as (options: Record<string, unknown>) => {
    prepare: () => Promise<void>;
    getRequestHandler: () => (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
    close?: () => Promise<void>;
  };
  const app = next({ dev: false, dir: root, hostname: '127.0.0.1', port, quiet: true });
  await app.prepare();
  // What `npm start`'s workers do before Next.js (client address, CONNECT and TRACE).
  attachFront(server, app.getRequestHandler());
  return {
    baseUrl,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
