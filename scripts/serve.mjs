// @ts-check
/**
 * `npm start`: the production server. Node runs JavaScript on one core, so one Next.js server
 * process cannot use a machine's other cores. With PostgreSQL, this starts one worker
 * (scripts/serve-worker.mjs: the build served like `next start`, behind scripts/lib/http-front.mjs)
 * per core (node:cluster: they share one port and the primary hands each new connection
 * to the next worker). The app keeps nothing in process memory that another instance needs
 * (docs/architecture.md), so workers are interchangeable. The embedded database (no
 * DATABASE_URL) can only be opened by one process, so it always runs one worker.
 *
 * PARLEY_WEB_CONCURRENCY sets the number of workers. Arguments are passed to the workers, which
 * take `next start`'s `-p`, `-H` and `--keepAliveTimeout` (e.g. `npm start -- -p 4000`). SIGTERM/SIGINT stop the workers gracefully, then the primary
 * exits; a worker that crashes is replaced, unless workers keep crashing right after starting.
 *
 * Plain JavaScript on purpose: workers must run Next.js without tsx's loader or its
 * `react-server` condition (they get the primary's Node flags, so start it with plain `node`). The settings it reads are validated again by lib/env.ts in every
 * worker at boot.
 */
import cluster from 'node:cluster';
import os from 'node:os';
import { URL, fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./serve-worker.mjs', import.meta.url));
/** A worker that dies sooner than this after starting counts as a failed start. */
const EARLY_EXIT_MS = 15_000;
const MAX_EARLY_EXITS = 3;

/** @returns {number} */
function workerCount() {
  const requested = process.env.PARLEY_WEB_CONCURRENCY;
  if (!process.env.DATABASE_URL) {
    if (requested && requested !== '1') {
      console.warn(
        'PARLEY_WEB_CONCURRENCY is ignored without DATABASE_URL: the embedded database allows one process.',
      );
    }
    return 1;
  }
  if (!requested) return os.availableParallelism();
  const n = Number(requested);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error(`PARLEY_WEB_CONCURRENCY must be an integer from 1 to 64, got "${requested}".`);
    process.exit(1);
  }
  return n;
}

const count = workerCount();
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
// Workers run under the primary's Node flags (e.g. `node --cpu-prof scripts/serve.mjs`).
cluster.setupPrimary({
  exec: WORKER,
  args: process.argv.slice(2),
  execArgv: process.execArgv,
});
/** @type {Map<number, number>} worker id → start time */
const startedAt = new Map();
let stopping = false;
let earlyExits = 0;
let exitCode = 0;

function fork() {
  startedAt.set(cluster.fork().id, Date.now());
}

// The first worker boots alone (migrations, demo seed), then the others join it: its boot sends
// { type: 'parley:ready' } (lib/server/boot.ts).
let isFull = false;
cluster.on('message', (_worker, message) => {
  if (isFull || message?.type !== 'parley:ready') return;
  isFull = true;
  for (let i = 1; i < count; i++) fork();
  if (count > 1) console.log(`parley: ${count} next start workers share the port`);
});
fork();

cluster.on('exit', (worker, code, signal) => {
  const age = Date.now() - (startedAt.get(worker.id) ?? 0);
  startedAt.delete(worker.id);
  if (stopping) {
    if (code) exitCode = code;
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
    return;
  }
  console.error(`parley: worker ${worker.process.pid} exited (${signal ?? code}).`);
  if (age < EARLY_EXIT_MS && ++earlyExits >= MAX_EARLY_EXITS) {
    console.error('parley: workers keep failing right after starting; giving up.');
    shutdown('SIGTERM', 1);
    return;
  }
  fork();
});

/**
 * @param {NodeJS.Signals} signal
 * @param {number} code
 */
function shutdown(signal, code = 0) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  const workers = Object.values(cluster.workers ?? {});
  if (workers.length === 0) process.exit(exitCode);
  for (const worker of workers) worker?.process.kill(signal);
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
