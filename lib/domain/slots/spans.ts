import { sortIntegers } from './integer-sort';

/**
 * Sets of epoch-ms instants as sorted, disjoint, non-touching half-open spans in typed
 * arrays: the slot engine works on numbers only, never on one object per interval or per slot.
 */
export type Spans = { starts: Float64Array; ends: Float64Array; length: number };

export const emptySpans: Spans = {
  starts: new Float64Array(0),
  ends: new Float64Array(0),
  length: 0,
};

/** Collects raw [start, end) pairs (any order, may overlap); empty pairs are dropped. */
export class SpanCollector {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private count = 0;

  constructor(capacity: number) {
    this.starts = new Float64Array(capacity);
    this.ends = new Float64Array(capacity);
  }

  add(start: number, end: number): void {
    if (!(start < end)) return;
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }

  /**
   * The union. Starts and ends are sorted separately, as plain numbers with no pairing to keep:
   * the union only depends on how many spans have begun and ended at each point.
   */
  union(): Spans {
    const n = this.count;
    const starts = this.starts.subarray(0, n);
    const ends = this.ends.subarray(0, n);
    sortIntegers(starts);
    sortIntegers(ends);
    const outStarts = new Float64Array(n);
    const outEnds = new Float64Array(n);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < n) {
      const begin = starts[i]!;
      let depth = 0;
      for (;;) {
        // `<=`: a span starting where another ends continues it, so touching spans merge.
        if (i < n && starts[i]! <= ends[j]!) {
          depth++;
          i++;
        } else {
          depth--;
          j++;
          if (depth === 0) break;
        }
      }
      outStarts[k] = begin;
      outEnds[k] = ends[j - 1]!;
      k++;
    }
    return { starts: outStarts, ends: outEnds, length: k };
  }
}

/** Instants in both sets. */
export function intersectSpans(a: Spans, b: Spans): Spans {
  const starts = new Float64Array(a.length + b.length);
  const ends = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a.starts[i]!, b.starts[j]!);
    const end = Math.min(a.ends[i]!, b.ends[j]!);
    if (start < end) {
      starts[k] = start;
      ends[k] = end;
      k++;
    }
    if (a.ends[i]! < b.ends[j]!) i++;
    else j++;
  }
  return { starts, ends, length: k };
}

/** Instants of `a` that are not in `b`. */
export function subtractSpans(a: Spans, b: Spans): Spans {
  const starts = new Float64Array(a.length + b.length);
  const ends = new Float64Array(a.length + b.length);
  let k = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    let start = a.starts[i]!;
    const end = a.ends[i]!;
    while (j < b.length && b.ends[j]! <= start) j++;
    // Spans of `b` inside [start, end) cut it; the last one may reach into the next span of `a`.
    let m = j;
    while (m < b.length && b.starts[m]! < end && start < end) {
      if (b.starts[m]! > start) {
        starts[k] = start;
        ends[k] = b.starts[m]!;
        k++;
      }
      start = Math.max(start, b.ends[m]!);
      m++;
    }
    if (start < end) {
      starts[k] = start;
      ends[k] = end;
      k++;
    }
  }
  return { starts, ends, length: k };
}

/** Instants in either set, by one merge of the two sorted lists (touching spans join). */
export function unionSpans(a: Spans, b: Spans): Spans {
  const starts = new Float64Array(a.length + b.length);
  const ends = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < b.length) {
    const isA = j >= b.length || (i < a.length && a.starts[i]! <= b.starts[j]!);
    const start = isA ? a.starts[i]! : b.starts[j]!;
    const end = isA ? a.ends[i++]! : b.ends[j++]!;
    if (k > 0 && start <= ends[k - 1]!) {
      if (end > ends[k - 1]!) ends[k - 1] = end;
    } else {
      starts[k] = start;
      ends[k] = end;
      k++;
    }
  }
  return { starts, ends, length: k };
}
