'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

/**
 * The booking page's steps, each a browser history entry (so Back returns to the previous step
 * instead of leaving the page), kept in the URL's query:
 *   (none)                         the base view: pick a time, or the booked meeting
 *   ?start=…                       confirm that time
 *   ?step=reschedule               pick a new time for the booked meeting
 *   ?step=reschedule&start=…       confirm the new time
 *   ?step=cancel                   confirm cancelling
 * Entries are added with the native History API, which Next.js's router follows (the page is not
 * fetched again); each entry remembers how many steps deep it is, so a finished step can return to
 * the base view without leaving the page.
 */
export type Step =
  | { kind: 'base' }
  | { kind: 'confirm'; start: string }
  | { kind: 'reschedule' }
  | { kind: 'reschedule-confirm'; start: string }
  | { kind: 'cancel' };

export function stepOf(params: { get(name: string): string | null }): Step {
  const step = params.get('step');
  const raw = params.get('start');
  const ms = raw ? Date.parse(raw) : NaN;
  const start = Number.isNaN(ms) ? null : new Date(ms).toISOString();
  if (step === 'reschedule')
    return start ? { kind: 'reschedule-confirm', start } : { kind: 'reschedule' };
  if (step === 'cancel') return { kind: 'cancel' };
  return start ? { kind: 'confirm', start } : { kind: 'base' };
}

export function searchOf(step: Step): string {
  switch (step.kind) {
    case 'base':
      return '';
    case 'confirm':
      return `?start=${encodeURIComponent(step.start)}`;
    case 'reschedule':
      return '?step=reschedule';
    case 'reschedule-confirm':
      return `?step=reschedule&start=${encodeURIComponent(step.start)}`;
    case 'cancel':
      return '?step=cancel';
  }
}

type Entry = { parleyDepth?: number } | null;
const depthNow = () => (window.history.state as Entry)?.parleyDepth ?? 0;
const urlOf = (step: Step) => `${window.location.pathname}${searchOf(step)}`;

export function useStepHistory() {
  const params = useSearchParams();
  const search = params.toString();
  const step = useMemo(() => stepOf(new URLSearchParams(search)), [search]);

  /** Goes one step further: a new history entry. */
  const push = useCallback((next: Step) => {
    window.history.pushState({ parleyDepth: depthNow() + 1 }, '', urlOf(next));
  }, []);

  /** Back to the previous step (Back button, Escape, the page's own Back buttons). */
  const back = useCallback(() => {
    if (depthNow() > 0) window.history.back();
    else window.history.replaceState({ parleyDepth: 0 }, '', urlOf({ kind: 'base' }));
  }, []);

  /** A step was completed (booked, moved, cancelled): return to the base view it started from. */
  const finish = useCallback(() => {
    const depth = depthNow();
    if (depth > 0) window.history.go(-depth);
    else window.history.replaceState({ parleyDepth: 0 }, '', urlOf({ kind: 'base' }));
  }, []);

  return { step, push, back, finish };
}
