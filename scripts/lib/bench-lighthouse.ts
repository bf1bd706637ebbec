/**
 * Lighthouse runs of one page for the benchmarks: Lighthouse 12's default configuration (mobile
 * form factor, simulated throttling) in Debian's Chromium, a fresh browser per run, and the
 * median of each figure (single runs move by several points).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
/** Lighthouse gives up on a page after 45 s of its own; this bounds a run that hangs anyway. */
const RUN_TIMEOUT_MS = 120_000;

type Category = (typeof CATEGORIES)[number];

export type LighthouseRun = {
  /** 0–100 per category. */
  scores: Record<Category, number>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  /** Audits that scored below 1 (those with no weight too), in category order. */
  flagged: FlaggedAudit[];
  diagnostics: Diagnostics;
  /** Audits Lighthouse could not compute (no score, so they neither cost nor earn points). */
  errored: ErroredAudit[];
  warnings: string[];
  seconds: number;
};

export type ErroredAudit = { id: string; title: string; message: string };

/** Where the performance points go: what to look at to fix the page. */
export type Diagnostics = {
  /** Lighthouse's CPU benchmark of this machine (its simulation scales CPU time by it). */
  benchmarkIndex: number;
  lcpElement: string;
  /** TTFB, load delay, load time, render delay of the LCP, simulated ms. */
  lcpPhases: { phase: string; ms: number }[];
  /** Scripts by main-thread time (simulated ms), longest first. */
  bootup: { url: string; totalMs: number; scriptingMs: number }[];
};

export type FlaggedAudit = {
  category: Category;
  id: string;
  title: string;
  score: number;
  /** Points of the category score it carries (0: listed by Lighthouse, costs nothing). */
  weight: number;
  displayValue?: string;
};

export type LighthouseSummary = {
  runs: LighthouseRun[];
  median: Omit<LighthouseRun, 'flagged' | 'diagnostics' | 'errored' | 'warnings' | 'seconds'>;
  /** Of the run with the median performance score. */
  diagnostics: Diagnostics;
  /** Every audit flagged in some run, with the runs it was flagged in. */
  flagged: (FlaggedAudit & { inRuns: number })[];
  /** Every audit that errored in some run, with the runs it errored in. */
  errored: (ErroredAudit & { inRuns: number })[];
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function flaggedAudits(lhr: Result): FlaggedAudit[] {
  const flagged: FlaggedAudit[] = [];
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 1) continue;
      if (!['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) continue;
      flagged.push({
        category,
        id: ref.id,
        title: audit.title,
        score: audit.score,
        weight: ref.weight,
        displayValue: audit.displayValue,
      });
    }
  }
  return flagged;
}

function diagnosticsOf(lhr: Result): Diagnostics {
  const tables: any[] =
    (lhr.audits['largest-contentful-paint-element']?.details as any)?.items ?? [];
  const node = tables[0]?.items?.[0]?.node;
  const lcpError = lhr.audits['largest-contentful-paint-element']?.errorMessage;
  const phases: any[] = tables[1]?.items ?? [];
  const bootup: any[] = (lhr.audits['bootup-time']?.details as any)?.items ?? [];
  return {
    benchmarkIndex: lhr.environment.benchmarkIndex,
    lcpElement: node
      ? `${node.nodeLabel} (${node.selector})`
      : lcpError
        ? `unknown (the audit errored: ${lcpError})`
        : 'none found',
    lcpPhases: phases.map((p) => ({ phase: String(p.phase), ms: Number(p.timing) })),
    bootup: bootup.map((b) => ({
      url: String(b.url),
      totalMs: Number(b.total),
      scriptingMs: Number(b.scripting),
    })),
  };
}

async function runOnce(url: string): Promise<LighthouseRun> {
  const started = performance.now();
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const flags: Flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    };
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Lighthouse did not finish within ${RUN_TIMEOUT_MS / 1000} s`)),
        RUN_TIMEOUT_MS,
      );
    });
    const result = await Promise.race([lighthouse(url, flags), timeout]);
    const lhr = result?.lhr;
    if (!lhr) throw new Error('Lighthouse returned no result');
    if (lhr.runtimeError) {
      throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    }
    const score = (category: Category) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
    const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      scores: {
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
      },
      lcpMs: value('largest-contentful-paint'),
      tbtMs: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      fcpMs: value('first-contentful-paint'),
      flagged: flaggedAudits(lhr),
      diagnostics: diagnosticsOf(lhr),
      errored: Object.values(lhr.audits)
        .filter((audit) => audit.scoreDisplayMode === 'error')
        .map((audit) => ({ id: audit.id, title: audit.title, message: audit.errorMessage ?? '' })),
      warnings: lhr.runWarnings,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    clearTimeout(timer);
    chrome.kill();
  }
}

/** `runs` Lighthouse runs of `url`, one after the other. */
export async function runLighthouse(url: string, runs: number): Promise<LighthouseSummary> {
  const results: LighthouseRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await runOnce(url));
  const of = (pick: (run: LighthouseRun) => number) => median(results.map(pick));
  const flagged = new Map<string, FlaggedAudit & { inRuns: number }>();
  for (const run of results) {
    for (const audit of run.flagged) {
      const key = `${audit.category}/${audit.id}`;
      const seen = flagged.get(key);
      if (seen) {
        seen.inRuns += 1;
        seen.score = Math.min(seen.score, audit.score);
      } else {
        flagged.set(key, { ...audit, inRuns: 1 });
      }
    }
  }
  const errored = new Map<string, ErroredAudit & { inRuns: number }>();
  for (const audit of results.flatMap((run) => run.errored)) {
    const seen = errored.get(audit.id);
    if (seen) seen.inRuns += 1;
    else errored.set(audit.id, { ...audit, inRuns: 1 });
  }
  const byPerformance = [...results].sort((a, b) => a.scores.performance - b.scores.performance);
  return {
    runs: results,
    diagnostics: byPerformance[Math.floor((byPerformance.length - 1) / 2)]!.diagnostics,
    median: {
      scores: {
        performance: of((r) => r.scores.performance),
        accessibility: of((r) => r.scores.accessibility),
        'best-practices': of((r) => r.scores['best-practices']),
      },
      lcpMs: of((r) => r.lcpMs),
      tbtMs: of((r) => r.tbtMs),
      cls: of((r) => r.cls),
      fcpMs: of((r) => r.fcpMs),
    },
    flagged: [...flagged.values()],
    errored: [...errored.values()],
  };
}
