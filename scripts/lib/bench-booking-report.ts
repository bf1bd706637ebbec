/**
 * What `npm run bench:booking` prints: each database's figures next to their targets, the
 * Lighthouse runs with the audits that cost points, and one summary per database at the end.
 */
import type { BrowserJs, ScriptTotal } from './bench-browser-js';
import type { LighthouseSummary } from './bench-lighthouse';

/**
 * Issue #11's targets. The booking page's absolute TTFB is informative: what it must meet is a
 * ratio to what Next.js costs for a page with no data on the same machine, in the same run.
 */
export const TARGETS = {
  /** Booking page TTFB p50 ÷ the no-data App Router page's, both at 16 connections. */
  floorRatio: 1.5,
  /** Gzipped KB (1,024 bytes) of every script the page loads, framework included. */
  jsGzipKb: 160,
  performance: 95,
  accessibility: 100,
};

export type PageLoad = {
  requests: number;
  rps: number;
  non2xx: number;
  errors: number;
  ttfbP50: number;
  ttfbP99: number;
  fullP50: number;
  fullP99: number;
};

export type BookingBench = {
  database: 'postgres' | 'pglite';
  cpus: number;
  bookingsTotal: number;
  page: PageLoad;
  single: PageLoad;
  /** The no-data App Router page (/dev/video/bench) under the same load: Next.js's floor. */
  floor: PageLoad;
  /** A route handler that does no work (an unknown /v1 path's JSON 404). */
  routeFloor: PageLoad;
  htmlJs: { files: number; raw: number; gzip: number; legacyGzip: number };
  /** Null when Chromium is missing. */
  browserJs: BrowserJs | null;
  /** Null when BENCH_LIGHTHOUSE_RUNS=0 or Chromium is missing. */
  lighthouse: LighthouseSummary | null;
  bookings: {
    setupSeconds: number;
    created: number;
    seconds: number;
    rate: number;
    statuses: Map<number, number>;
    p50: number;
    p99: number;
  };
  race: { created: number; refused: number; other: number };
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const seconds = (n: number) => `${(n / 1000).toFixed(2)} s`;
const within = (value: number, limit: number) => (value <= limit ? 'ok' : 'over');
const atLeast = (value: number, limit: number) => (value >= limit ? 'ok' : 'under');
const ratio = (bench: BookingBench) => bench.page.ttfbP50 / bench.floor.ttfbP50;
const nameOf = (bench: BookingBench) =>
  bench.database === 'postgres' ? 'PostgreSQL: production' : 'embedded PGlite: npm run dev';

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `  ${r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`;
  return [
    line(rows[0]!).trimEnd(),
    `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`,
    ...rows.slice(1).map((r) => line(r).trimEnd()),
  ].join('\n');
}

function scripts(total: ScriptTotal): string {
  return `${kb(total.gzip)} in ${total.files} files (${kb(total.raw)} uncompressed)`;
}

function range(values: number[], format: (n: number) => string): string {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? 'same in every run' : `runs ${format(min)}–${format(max)}`;
}

function lighthouseRows(lh: LighthouseSummary | null): string[][] {
  if (!lh) return [['Lighthouse (mobile)', 'skipped', '']];
  const { median, runs } = lh;
  const of = (pick: (run: LighthouseSummary['runs'][number]) => number) => runs.map(pick);
  const label = `Lighthouse mobile, median of ${runs.length}`;
  return [
    [
      `${label}: performance`,
      `${median.scores.performance} (${range(
        of((r) => r.scores.performance),
        String,
      )})`,
      `≥ ${TARGETS.performance}: ${atLeast(median.scores.performance, TARGETS.performance)}`,
    ],
    [
      `${label}: accessibility`,
      `${median.scores.accessibility} (${range(
        of((r) => r.scores.accessibility),
        String,
      )})`,
      `${TARGETS.accessibility}: ${atLeast(median.scores.accessibility, TARGETS.accessibility)}`,
    ],
    [
      `${label}: best practices`,
      `${median.scores['best-practices']} (${range(
        of((r) => r.scores['best-practices']),
        String,
      )})`,
      '',
    ],
    [
      `${label}: LCP / TBT / CLS`,
      `${seconds(median.lcpMs)} / ${median.tbtMs.toFixed(0)} ms / ${median.cls.toFixed(3)}`,
      '',
    ],
  ];
}

/** The detailed table of one database's run. */
export function printDetails(bench: BookingBench): void {
  const { page, single, floor, routeFloor, htmlJs, browserJs, bookings, race } = bench;
  const jsLimit = TARGETS.jsGzipKb * 1024;
  console.log(`\nBooking page and booking benchmark (${nameOf(bench)}, ${bench.cpus} CPUs)\n`);
  console.log(
    table([
      ['measure', 'value', 'target'],
      ['GET /book/{token} TTFB p50, 16 connections', ms(page.ttfbP50), ''],
      ['GET /book/{token} TTFB p99, 16 connections', ms(page.ttfbP99), ''],
      [
        'GET /book/{token} TTFB p50 / p99, 1 connection',
        `${ms(single.ttfbP50)} / ${ms(single.ttfbP99)}`,
        '',
      ],
      [
        'floor: no-data App Router page TTFB p50 / p99, 16 conn.',
        `${ms(floor.ttfbP50)} / ${ms(floor.ttfbP99)} (${floor.rps.toFixed(0)} req/s)`,
        '',
      ],
      [
        'booking page p50 ÷ floor p50',
        `${ratio(bench).toFixed(2)}×`,
        `≤ ${TARGETS.floorRatio}×: ${within(ratio(bench), TARGETS.floorRatio)}`,
      ],
      [
        'no-op route handler TTFB p50 / p99, 16 conn. (informative)',
        `${ms(routeFloor.ttfbP50)} / ${ms(routeFloor.ttfbP99)} (${routeFloor.rps.toFixed(0)} req/s)`,
        '',
      ],
      [
        'GET /book/{token} full response p50 / p99',
        `${ms(page.fullP50)} / ${ms(page.fullP99)}`,
        '',
      ],
      [
        'GET /book/{token} throughput',
        `${page.rps.toFixed(0)} req/s (${page.requests} requests, ${page.non2xx} non-2xx, ${page.errors} errors)`,
        '',
      ],
      [
        'page JS, gzipped: every <script src> of the HTML',
        `${kb(htmlJs.gzip)} in ${htmlJs.files} files (${kb(htmlJs.raw)} uncompressed)`,
        `≤ ${TARGETS.jsGzipKb} KB: ${within(htmlJs.gzip, jsLimit)}`,
      ],
      [
        'page JS, gzipped: loaded by Chromium after load',
        browserJs ? scripts(browserJs.afterLoad) : 'skipped',
        browserJs ? `≤ ${TARGETS.jsGzipKb} KB: ${within(browserJs.afterLoad.gzip, jsLimit)}` : '',
      ],
      [
        'page JS, gzipped: after opening the zone list (informative)',
        browserJs?.afterZoneList ? scripts(browserJs.afterZoneList) : 'skipped',
        '',
      ],
      ['legacy nomodule polyfills (not loaded by modern browsers)', kb(htmlJs.legacyGzip), ''],
      ...lighthouseRows(bench.lighthouse),
      [
        'bookings per second (32 clients, distinct slots)',
        `${bookings.rate.toFixed(1)} /s (${bookings.created} × 201 in ${bookings.seconds.toFixed(1)} s)`,
        '',
      ],
      ['booking latency p50 / p99', `${ms(bookings.p50)} / ${ms(bookings.p99)}`, ''],
      ['booking statuses', [...bookings.statuses].map(([s, n]) => `${n} × ${s}`).join(', '), ''],
      [
        '32 clients racing for one interviewer slot',
        `${race.created} × 201, ${race.refused} × 409, ${race.other} other`,
        `exactly one 201: ${race.created === 1 && race.other === 0 ? 'ok' : 'failed'}`,
      ],
      [
        'setup: links created',
        `${bench.bookingsTotal} in ${bookings.setupSeconds.toFixed(1)} s`,
        '',
      ],
    ]),
  );
  if (bench.lighthouse) printLighthouse(bench.lighthouse);
}

/** Each run, where the time goes, and every audit below full score. */
function printLighthouse(lh: LighthouseSummary): void {
  console.log('\nLighthouse 12 runs (mobile, simulated throttling):');
  lh.runs.forEach((run, i) => {
    console.log(
      `  run ${i + 1}: performance ${run.scores.performance}, accessibility ${run.scores.accessibility}, ` +
        `best practices ${run.scores['best-practices']}; FCP ${seconds(run.fcpMs)}, LCP ${seconds(run.lcpMs)}, ` +
        `TBT ${run.tbtMs.toFixed(0)} ms, CLS ${run.cls.toFixed(3)} (${run.seconds.toFixed(0)} s)` +
        (run.warnings.length ? `\n    warnings: ${run.warnings.join(' | ')}` : ''),
    );
  });
  const { diagnostics } = lh;
  console.log(`  median run: CPU benchmark index ${diagnostics.benchmarkIndex.toFixed(0)}`);
  console.log(`    LCP element: ${diagnostics.lcpElement}`);
  if (diagnostics.lcpPhases.length) {
    console.log(
      `    LCP phases: ${diagnostics.lcpPhases.map((p) => `${p.phase} ${p.ms.toFixed(0)} ms`).join(', ')}`,
    );
  }
  console.log('    main-thread time by script (total / evaluation, simulated):');
  for (const script of diagnostics.bootup.slice(0, 6)) {
    const url = script.url.replace(/^https?:\/\/[^/]+/, '');
    console.log(
      `      ${script.totalMs.toFixed(0)} ms / ${script.scriptingMs.toFixed(0)} ms  ${url}`,
    );
  }
  const costing = lh.flagged.filter((a) => a.weight > 0);
  const free = lh.flagged.filter((a) => a.weight === 0);
  const describe = (a: LighthouseSummary['flagged'][number]) =>
    `    ${a.category}: ${a.title} (${a.id}) — score ${a.score.toFixed(2)}` +
    `${a.displayValue ? `, ${a.displayValue}` : ''}, in ${a.inRuns} of ${lh.runs.length} runs`;
  console.log('  audits below full score that cost points (weighted):');
  console.log(costing.length ? costing.map(describe).join('\n') : '    none');
  console.log('  audits flagged without weight (they cost no points):');
  console.log(free.length ? free.map(describe).join('\n') : '    none');
  if (lh.errored.length) {
    console.log('  audits that errored (no score; their findings are missing from the runs):');
    for (const audit of lh.errored) {
      console.log(
        `    ${audit.title} (${audit.id}), in ${audit.inRuns} of ${lh.runs.length} runs: ${audit.message}`,
      );
    }
  }
}

/** One short table per database: measure, result, target, verdict. */
export function printSummary(benches: BookingBench[]): void {
  console.log('\nSummary');
  for (const bench of benches) {
    const jsLimit = TARGETS.jsGzipKb * 1024;
    const lh = bench.lighthouse;
    const rows: string[][] = [
      ['measure', 'result', 'target', 'ok/over'],
      ['booking page TTFB p50, 16 conn.', ms(bench.page.ttfbP50), '—', '—'],
      [
        'booking page p50 ÷ floor p50',
        `${ratio(bench).toFixed(2)}× (${ms(bench.page.ttfbP50)} ÷ ${ms(bench.floor.ttfbP50)})`,
        `≤ ${TARGETS.floorRatio}×`,
        within(ratio(bench), TARGETS.floorRatio),
      ],
      [
        'page JS gzipped, HTML scripts',
        kb(bench.htmlJs.gzip),
        `≤ ${TARGETS.jsGzipKb} KB`,
        within(bench.htmlJs.gzip, jsLimit),
      ],
      bench.browserJs
        ? [
            'page JS gzipped, loaded by Chromium',
            kb(bench.browserJs.afterLoad.gzip),
            `≤ ${TARGETS.jsGzipKb} KB`,
            within(bench.browserJs.afterLoad.gzip, jsLimit),
          ]
        : ['page JS gzipped, loaded by Chromium', 'skipped', `≤ ${TARGETS.jsGzipKb} KB`, '—'],
      ...(lh
        ? [
            [
              `Lighthouse performance (median of ${lh.runs.length})`,
              String(lh.median.scores.performance),
              `≥ ${TARGETS.performance}`,
              atLeast(lh.median.scores.performance, TARGETS.performance),
            ],
            [
              `Lighthouse accessibility (median of ${lh.runs.length})`,
              String(lh.median.scores.accessibility),
              String(TARGETS.accessibility),
              atLeast(lh.median.scores.accessibility, TARGETS.accessibility),
            ],
          ]
        : [['Lighthouse', 'skipped', '', '—']]),
      ['bookings per second, 32 clients', `${bench.bookings.rate.toFixed(1)} /s`, '—', '—'],
      [
        '32-client race for one slot',
        `${bench.race.created} × 201`,
        'exactly one 201',
        bench.race.created === 1 && bench.race.other === 0 ? 'ok' : 'failed',
      ],
    ];
    console.log(`\n  ${nameOf(bench)}`);
    console.log(table(rows));
  }
}
