/**
 * `npm test`: lint, type-check, build, then every suite — unit tests under two machine time zones,
 * the HTTP suite on embedded PGlite and on the local PostgreSQL server (a fresh database per run),
 * and the browser tests in Debian's Chromium. Ends with one line: `N passed, N failed`.
 *
 * Suites that do not depend on each other run side by side (the machine has two cores, and most of
 * the HTTP suite waits on timers and sockets); each one's output is kept and printed whole when it
 * ends, so the log reads suite by suite.
 *
 * PostgreSQL is required when CI=true or PARLEY_REQUIRE_POSTGRES=1; otherwise its suite is skipped
 * (with a warning) when no server answers on 127.0.0.1:5432.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

type Tally = {
  name: string;
  passed: number;
  failed: number;
  note?: string;
  seconds?: number;
  /** What failed, so the summary at the end of a long log names it. */
  failures?: string[];
};
const tallies: Tally[] = [];
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-reports-'));
const isCi = process.env.CI === 'true' || process.env.CI === '1';
const postgresRequired = isCi || process.env.PARLEY_REQUIRE_POSTGRES === '1';
const only = process.env.PARLEY_TEST_ONLY?.split(',').map((s) => s.trim());
const baseEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '1',
};

function run(command: string, args: string[], env: NodeJS.ProcessEnv = baseEnv): number {
  console.log(`\n▶ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status ?? 1;
}

/** Runs a command beside others: its output goes to a log, printed whole when it exits. */
function runBeside(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = baseEnv,
): Promise<number> {
  const logFile = path.join(
    reports,
    `${args
      .join(' ')
      .replace(/[^\w.-]+/g, '_')
      .slice(0, 80)}.log`,
  );
  const out = fs.openSync(logFile, 'w');
  console.log(`▶ started: ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', out, out], env });
    const finish = (code: number) => {
      fs.closeSync(out);
      console.log(`\n▶ ${command} ${args.join(' ')} (exit ${code})`);
      process.stdout.write(fs.readFileSync(logFile));
      resolve(code);
    };
    child.once('error', () => finish(1));
    child.once('exit', (code) => finish(code ?? 1));
  });
}

function wants(step: string): boolean {
  return !only || only.includes(step);
}

function secondsSince(start: number): number {
  return Math.round((Date.now() - start) / 1000);
}

async function gate(name: string, command: string, args: string[]): Promise<void> {
  const start = Date.now();
  const code = await runBeside(command, args);
  tallies.push({
    name,
    passed: code === 0 ? 1 : 0,
    failed: code === 0 ? 0 : 1,
    seconds: secondsSince(start),
  });
}

async function vitest(
  name: string,
  projects: string[],
  tz: string,
  extraEnv: Record<string, string> = {},
): Promise<void> {
  const file = path.join(reports, `${name}.json`);
  const args = [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ];
  const start = Date.now();
  const code = await runBeside('npx', args, { ...baseEnv, TZ: tz, ...extraEnv });
  tallies.push({ ...readVitest(name, file, code), seconds: secondsSince(start) });
}

function readVitest(name: string, file: string, code: number): Tally {
  if (!fs.existsSync(file)) return { name, passed: 0, failed: 1, note: `no report (exit ${code})` };
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    testResults: {
      name: string;
      status: string;
      assertionResults: { fullName: string; status: string }[];
    }[];
  };
  // A file that fails to load has no assertion results: count it as a failure.
  const brokenFiles = report.testResults.filter(
    (r) => r.status === 'failed' && r.assertionResults.length === 0,
  ).length;
  const failed =
    report.numFailedTests +
    brokenFiles +
    (code !== 0 && report.numFailedTests + brokenFiles === 0 ? 1 : 0);
  const failures = report.testResults.flatMap((r) => {
    const file = path.relative(process.cwd(), r.name);
    if (r.status === 'failed' && r.assertionResults.length === 0) return [`${file} (did not load)`];
    return r.assertionResults
      .filter((a) => a.status === 'failed')
      .map((a) => `${file} › ${a.fullName}`);
  });
  return { name, passed: report.numPassedTests, failed, failures };
}

function playwright(): void {
  if (!fs.existsSync('/usr/bin/chromium')) {
    console.log('\n▶ Installing Debian chromium for the browser tests');
    const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
    const apt = (args: string[]) =>
      spawnSync(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...args] : args, {
        stdio: 'inherit',
      });
    if (apt(['install', '-y', '--no-install-recommends', 'chromium']).status !== 0) {
      apt(['update']);
      apt(['install', '-y', '--no-install-recommends', 'chromium']);
    }
  }
  const file = path.join(reports, 'playwright.json');
  const start = Date.now();
  const code = run('npx', ['playwright', 'test', '--reporter=list,json'], {
    ...baseEnv,
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
  });
  if (!fs.existsSync(file)) {
    tallies.push({ name: 'browser', passed: 0, failed: 1, note: `no report (exit ${code})` });
    return;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number };
    suites: PlaywrightSuite[];
  };
  tallies.push({
    name: 'browser',
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + (code !== 0 && report.stats.unexpected === 0 ? 1 : 0),
    seconds: secondsSince(start),
    failures: report.suites.flatMap((suite) => failedSpecs(suite, [])),
  });
}

type PlaywrightSuite = {
  title: string;
  file: string;
  specs?: { title: string; line: number; ok: boolean }[];
  suites?: PlaywrightSuite[];
};

/** The specs that failed, as `file:line › describe › title`; a file's own suite adds no title. */
function failedSpecs(suite: PlaywrightSuite, describes: string[]): string[] {
  const own = (suite.specs ?? [])
    .filter((spec) => !spec.ok)
    .map((spec) => [`${suite.file}:${spec.line}`, ...describes, spec.title].join(' › '));
  const inner = (suite.suites ?? []).flatMap((s) => failedSpecs(s, [...describes, s.title]));
  return [...own, ...inner];
}

function postgresAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: 5432 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function startPostgres(): void {
  const versions = fs.existsSync('/etc/postgresql') ? fs.readdirSync('/etc/postgresql') : [];
  for (const version of versions) {
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
      stdio: 'inherit',
    });
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  // The static checks side by side, then the build (which uses both cores on its own).
  await Promise.all([
    wants('typecheck') && gate('typecheck', 'npx', ['tsc', '--noEmit']),
    wants('lint') && gate('lint', 'npx', ['eslint', '.', '--max-warnings=0']),
    wants('lint') && gate('format', 'npx', ['prettier', '--check', '.', '--log-level=warn']),
  ]);
  if (wants('api') || wants('browser')) await gate('build', 'npm', ['run', 'build']);

  let hasPostgres = await postgresAnswers();
  if (!hasPostgres && postgresRequired) {
    startPostgres();
    hasPostgres = await postgresAnswers();
  }
  if (!hasPostgres) {
    const message = 'PostgreSQL does not answer on 127.0.0.1:5432';
    if (postgresRequired)
      tallies.push({ name: 'api-postgres', passed: 0, failed: 1, note: message });
    else
      console.warn(`\n⚠ ${message}: the PostgreSQL suite is skipped (CI=true makes it required).`);
  }

  // The HTTP suite on each database side by side (each is one worker, one file at a time), then
  // the unit tests under both machine time zones side by side.
  if (wants('api'))
    await Promise.all([
      vitest('api (PGlite)', ['api-pglite'], 'UTC'),
      hasPostgres && vitest('api (PostgreSQL)', ['api-postgres'], 'UTC'),
    ]);
  if (wants('unit'))
    await Promise.all([
      vitest('unit (TZ=UTC)', ['unit'], 'UTC'),
      vitest('unit (TZ=Pacific/Chatham)', ['unit'], 'Pacific/Chatham'),
    ]);
  if (wants('browser') && fs.existsSync('playwright.config.ts')) playwright();

  console.log('\nSummary');
  for (const t of tallies)
    console.log(
      `  ${t.name}: ${t.passed} passed, ${t.failed} failed${t.note ? ` (${t.note})` : ''}` +
        (t.seconds === undefined ? '' : ` in ${t.seconds} s`) +
        (t.failures ?? []).map((f) => `\n    ✗ ${f}`).join(''),
    );
  console.log(`  took ${secondsSince(started)} s`);
  const passed = tallies.reduce((n, t) => n + t.passed, 0);
  const failed = tallies.reduce((n, t) => n + t.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

void main();
