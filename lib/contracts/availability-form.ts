import type { WallTimeSlot } from '@/lib/domain/availability/time-slots';

/**
 * What the `/availability/{token}` form's server actions answer, shared by the actions and the
 * page. A refusal says why nothing happened, for the page to word in its own language: the link
 * is not (or no longer) valid, the times sent are not valid, or the typed text is empty or too long.
 */
export type FormRefusal = 'link' | 'times' | 'text';

export type SaveOutcome =
  { ok: true; released: number; savedAt: string } | { ok: false; refusal: FormRefusal };

export type ReadOutcome =
  | { ok: true; timezone: string; timeSlots: WallTimeSlot[]; unparsed: string[] }
  | { ok: false; refusal: FormRefusal };
