/**
 * Benchmark of the slot engine (`npm run bench:slots`): the target panel against the naive
 * reference, then a growth table. Deterministic input (seeded PRNG); timings are wall-clock
 * medians on this machine.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import { computeSlots } from '@/lib/domain/slots/compute-slots';
import { computeSlotsNaive } from '@/lib/domain/slots/naive-reference';
import type { ComputeSlotsInput, Interval, SlotParticipant } from '@/lib/domain/slots/types';

const MINUTE = 60_000;
const DAY = 86_400_000;
const NOW = Date.parse('2026-03-02T12:00:00.000Z'); // the 60 days cross New York's DST change
const HORIZON_DAYS = 60;
const PANEL = 5;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
let collections = 0;
new PerformanceObserver((list) => {
  collections += list.getEntries().length;
}).observe({ entryTypes: ['gc'] });

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Busy periods as calendars give them: events in clusters of five overlapping periods (one event
 * seen through several calendars, back-to-back meetings), 15–90 minutes long, at any hour, or
 * with `isWorkHours` only inside the open hours (no period can be skipped as irrelevant).
 */
function busyPeriods(count: number, random: () => number, isWorkHours: boolean): Interval[] {
  const intervals: Interval[] = [];
  while (intervals.length < count) {
    let anchor = NOW + Math.floor(random() * HORIZON_DAYS * 96) * 15 * MINUTE;
    if (isWorkHours) {
      // New York is UTC−5/−4: 13:00–21:00 UTC is inside 08:00–18:00 on either side of DST.
      const day = Math.floor(anchor / DAY) * DAY;
      const weekday = new Date(day).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      anchor = day + 13 * 3_600_000 + Math.floor(random() * 28) * 15 * MINUTE;
    }
    for (let k = 0; k < 5 && intervals.length < count; k++) {
      const start = anchor + Math.floor(random() * 4) * 15 * MINUTE;
      intervals.push({ start, end: start + (1 + Math.floor(random() * 6)) * 15 * MINUTE });
    }
  }
  // Shuffled: calendars do not promise any order.
  for (let i = intervals.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [intervals[i], intervals[j]] = [intervals[j]!, intervals[i]!];
  }
  return intervals;
}

function panelInput(perParticipant: number, seed: number, isWorkHours = false): ComputeSlotsInput {
  const random = prng(seed);
  const participants: SlotParticipant[] = Array.from({ length: PANEL }, () => ({
    freeTime: { kind: 'busy', intervals: busyPeriods(perParticipant, random, isWorkHours) },
    booked: [],
  }));
  return {
    rules: {
      timezone: 'America/New_York',
      openHours: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }],
      duration: 30,
      slotInterval: 15,
      bufferMinutes: 0,
      minimumNoticeMinutes: 0,
      bookingHorizonDays: HORIZON_DAYS,
    },
    participants,
    now: NOW,
    range: { start: NOW, end: NOW + HORIZON_DAYS * DAY },
  };
}

type Measure = { median: number; p95: number; p99: number; min: number };

function measure(run: () => unknown, runs: number): Measure {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(runs / 2)]!,
    p95: times[Math.min(runs - 1, Math.floor(runs * 0.95))]!,
    p99: times[Math.min(runs - 1, Math.floor(runs * 0.99))]!,
    min: times[0]!,
  };
}

/**
 * Bytes (JS heap + ArrayBuffers, where typed arrays live) allocated by one call and not yet
 * collected, measured from a clean heap; retried until no GC ran during the call, so the figure is
 * an upper bound of the call's peak extra memory. Null when every attempt saw a GC.
 */
async function allocatedBytes(run: () => unknown): Promise<number | null> {
  for (let attempt = 0; attempt < 10; attempt++) {
    gc();
    await sleep(5);
    const seen = collections;
    const before = process.memoryUsage();
    const kept = run();
    const after = process.memoryUsage();
    await sleep(20);
    const delta = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
    // A shrinking heap means a collection ran even if its report has not arrived yet.
    if (collections === seen && delta >= 0 && kept !== undefined) return delta;
  }
  return null;
}

const ms = (value: number) => `${value.toFixed(3)} ms`;
const kib = (bytes: number | null) =>
  bytes === null ? 'GC during call' : `${(bytes / 1024).toFixed(0)} KiB`;

type Target = { medianMs: number; speedup: number; referenceRuns: number };

async function benchTarget(
  label: string,
  input: ComputeSlotsInput,
  target: Target = { medianMs: 5, speedup: 100, referenceRuns: 5 },
): Promise<boolean> {
  const cold = measure(() => computeSlots(input), 1);
  const fast = computeSlots(input);
  const naive = computeSlotsNaive(input);
  if (JSON.stringify(fast) !== JSON.stringify(naive)) throw new Error('engine and naive disagree');
  for (let i = 0; i < 20; i++) computeSlots(input);
  const engine = measure(() => computeSlots(input), 500);
  const reference = measure(() => computeSlotsNaive(input), target.referenceRuns);
  const speedup = reference.median / engine.median;
  const isMet = engine.median <= target.medianMs && speedup >= target.speedup;
  console.log(`\n${label}`);
  console.log(`  offered starts           ${fast.length} (naive reference: identical list)`);
  console.log(`  engine, first call       ${ms(cold.median)} (includes JIT warm-up)`);
  console.log(
    `  engine, 500 runs         median ${ms(engine.median)}, p95 ${ms(engine.p95)}, p99 ${ms(engine.p99)}, min ${ms(engine.min)}`,
  );
  console.log(`  naive reference, ${target.referenceRuns} runs  median ${ms(reference.median)}`);
  console.log(`  speed-up (medians)       ${speedup.toFixed(0)}×`);
  console.log(`  allocated per call       ${kib(await allocatedBytes(() => computeSlots(input)))}`);
  console.log(
    `  target ≤ ${target.medianMs} ms, ≥ ${target.speedup}×`.padEnd(27) +
      (isMet ? 'met' : 'NOT MET'),
  );
  return isMet;
}

async function benchGrowth(): Promise<void> {
  console.log(
    '\nGrowth: n = busy periods in TOTAL over the 5-person panel (n / 5 each), same rules',
  );
  console.log(
    '        n |     median | µs per period | t / (n·log2 n), 1k = 1 | allocated per call',
  );
  let baseline = 0;
  for (const total of [1_000, 10_000, 100_000, 1_000_000]) {
    const input = panelInput(total / PANEL, 7);
    const runs = total >= 1_000_000 ? 7 : total >= 100_000 ? 21 : 101;
    for (let i = 0; i < 3; i++) computeSlots(input);
    const { median } = measure(() => computeSlots(input), runs);
    const normalized = median / (total * Math.log2(total));
    if (baseline === 0) baseline = normalized;
    const memory = kib(await allocatedBytes(() => computeSlots(input)));
    console.log(
      `${String(total).padStart(9)} | ${ms(median).padStart(10)} | ${((median * 1000) / total).toFixed(3).padStart(13)} | ${(normalized / baseline).toFixed(2).padStart(22)} | ${memory.padStart(18)}`,
    );
  }
  console.log(
    `peak RSS of the whole run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  );
}

const POOL = 10;

/**
 * A round-robin pool of 10, each with 5,000 busy periods, load limits (3 a day, 10 a week) and
 * 40 meetings already booked over the 60 days (their starts count toward the limits).
 */
function roundRobinInput(seed: number): ComputeSlotsInput {
  const random = prng(seed);
  const participants: SlotParticipant[] = Array.from({ length: POOL }, () => {
    const booked: Interval[] = [];
    for (let k = 0; k < 40; k++) {
      const day = Math.floor(NOW / DAY) * DAY + Math.floor(random() * HORIZON_DAYS) * DAY;
      const start = day + 13 * 3_600_000 + Math.floor(random() * 28) * 15 * MINUTE;
      booked.push({ start, end: start + 30 * MINUTE });
    }
    return {
      freeTime: { kind: 'busy', intervals: busyPeriods(5000, random, false) },
      booked,
      load: { maxPerDay: 3, maxPerWeek: 10, meetingStarts: booked.map((b) => b.start) },
    };
  });
  return { ...panelInput(0, seed), participants, method: 'ROUND_ROBIN' };
}

const header =
  '5 participants × 2,000 busy periods, 60-day horizon, America/New_York, Mon–Fri 08:00–18:00, 30-minute meetings on a 15-minute grid';
console.log(header);
const isMet = await benchTarget('Target: busy periods at any hour', panelInput(2000, 1));
const isWorstMet = await benchTarget(
  'Same, every busy period inside open hours (none can be skipped before sorting)',
  panelInput(2000, 3, true),
);
console.log(
  '\nRound robin: a pool of 10 × 5,000 busy periods, 40 booked meetings each, limits 3 a day and 10 a week, same rules',
);
const isRoundRobinMet = await benchTarget(
  'Target: round robin with load limits',
  roundRobinInput(11),
  { medianMs: 10, speedup: 100, referenceRuns: 3 },
);
await benchGrowth();
if (!isMet || !isWorstMet || !isRoundRobinMet) process.exitCode = 1;
