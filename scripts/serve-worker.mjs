// @ts-check
/**
 * One worker of `npm start` (scripts/serve.mjs): the production build served by Next.js through
 * its documented custom-server API (`next({ … }).getRequestHandler()`, the same request handlers
 * `next start` uses), behind scripts/lib/http-front.mjs, which must see the connection first
 * (client address; CONNECT and TRACE, which never reach Next.js intact).
 *
 * Arguments as `next start`'s: `-p`/`--port` (else PORT, else 3000), `-H`/`--hostname`,
 * `--keepAliveTimeout <ms>`. SIGTERM/SIGINT: stop accepting connections, finish the requests in
 * flight (at most 10 s), exit.
 */
import http from 'node:http';
import { setTimeout } from 'node:timers';
import { createRequire } from 'node:module';
import { attachFront } from './lib/http-front.mjs';

process.env.NODE_ENV ??= 'production';
const require = createRequire(import.meta.url);
const next = /** @type {(options: Record<string, unknown>) => {
  prepare: () => Promise<void>;
  getRequestHandler: () => (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
  close: () => Promise<void>;
}} */ (require('next'));

/** @param {string[]} args */
function parseArgs(args) {
  /** @type {{ port: number; hostname: string | undefined; keepAliveTimeout: number | undefined }} */
  const options = {
    port: Number(process.env.PORT || 3000),
    hostname: undefined,
    keepAliveTimeout: undefined,
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = /** @type {[string, string | undefined]} */ (
      (args[i] ?? '').split('=', 2)
    );
    const value = () => inline ?? args[++i] ?? '';
    if (flag === '-p' || flag === '--port') options.port = Number(value());
    else if (flag === '-H' || flag === '--hostname') options.hostname = value();
    else if (flag === '--keepAliveTimeout') options.keepAliveTimeout = Number(value());
    else {
      console.error(`parley: unknown argument "${args[i]}" (known: -p, -H, --keepAliveTimeout)`);
      process.exit(1);
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    console.error('parley: the port must be an integer from 0 to 65535');
    process.exit(1);
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
// As `next start` does: the app's default APP_URL (lib/env.ts) names the port it listens on.
if (options.port) process.env.PORT = String(options.port);
const server = http.createServer();
if (options.keepAliveTimeout) server.keepAliveTimeout = options.keepAliveTimeout;
const app = next({
  dev: false,
  dir: process.cwd(),
  hostname: options.hostname ?? 'localhost',
  port: options.port,
  httpServer: server,
});
await app.prepare();
attachFront(server, app.getRequestHandler());
server.listen(options.port, options.hostname, () => {
  const address = server.address();
  const where = typeof address === 'object' && address ? `${address.address}:${address.port}` : '';
  console.log(`parley: worker ${process.pid} listening on ${where}`);
});

let isStopping = false;
/** @param {NodeJS.Signals} signal */
function stop(signal) {
  if (isStopping) return;
  isStopping = true;
  const exit = () => process.exit(signal === 'SIGINT' ? 130 : 0);
  setTimeout(exit, 10_000).unref();
  server.close(() => void app.close().finally(exit));
  server.closeIdleConnections();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
