/**
 * Offered starts written compactly: a day's starts are mostly a run on the grid (09:00, 09:30,
 * 10:00 …), so `[first start, step, count]` runs say in a few numbers what hundreds of instants
 * would. The booking page sends its first weeks of open times this way inside its HTML.
 */

/** `count` starts from `first` (epoch ms), `step` ms apart. */
export type StartRun = readonly [first: number, step: number, count: number];

/** Ascending starts (epoch ms) as runs; `fromStartRuns` gives them back exactly. */
export function toStartRuns(starts: readonly number[]): StartRun[] {
  const runs: [number, number, number][] = [];
  for (const start of starts) {
    const run = runs[runs.length - 1];
    if (run && run[2] === 1) {
      run[1] = start - run[0];
      run[2] = 2;
    } else if (run && start - run[0] === run[1] * run[2]) {
      run[2]++;
    } else {
      runs.push([start, 0, 1]);
    }
  }
  return runs;
}

export function fromStartRuns(runs: readonly StartRun[]): number[] {
  const starts: number[] = [];
  for (const [first, step, count] of runs) {
    for (let i = 0; i < count; i++) starts.push(first + i * step);
  }
  return starts;
}
