/**
 * `npm run dev`: builds the booking page bundles, keeps rebuilding them as components/booking
 * changes, and runs `next dev` (arguments pass through, e.g. `npm run dev -- -p 4000`).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { buildBookingPage } from './build-booking';

const require = createRequire(import.meta.url);

await buildBookingPage({ watch: true });
const next = spawn(
  process.execPath,
  [require.resolve('next/dist/bin/next'), 'dev', ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => next.kill(signal));
}
next.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
