import 'server-only';
import { z } from 'zod';
import type { ReadOutcome, SaveOutcome } from '@/lib/contracts/availability-form';
import { saveAvailabilitySchema } from '@/lib/contracts/user-calendars';
import { timeZoneSchema } from '@/lib/contracts/common';
import { parseAvailability } from '@/lib/domain/availability/parse-availability';
import { localDateOf } from '@/lib/domain/slots/wall-clock';
import { ensureBooted } from '@/lib/server/boot';
import { now } from '@/lib/server/clock';
import { getDb } from '@/lib/server/db/client';
import { findRequestByToken } from './availability-requests';
import { saveAvailability } from './save-availability';

const tokenSchema = z.string().regex(/^[0-9a-f]{32}$/);

/**
 * The `/availability/{token}` form's actions: the token is the person's credential; the times are
 * checked with the API's contract.
 */

/** The form's Save: the same as a reply (DESIGN §8), for the person of the link only. */
export async function saveAvailabilityFromForm(
  token: string,
  input: unknown,
): Promise<SaveOutcome> {
  await ensureBooted();
  const parsedToken = tokenSchema.safeParse(token);
  const body = saveAvailabilitySchema.safeParse(input);
  if (!parsedToken.success) return { ok: false, refusal: 'link' };
  if (!body.success) return { ok: false, refusal: 'times' };
  const db = getDb();
  const found = await findRequestByToken(db, parsedToken.data);
  if (!found) return { ok: false, refusal: 'link' };
  const at = now();
  const saved = await saveAvailability(db, {
    organizationId: found.request.organizationId,
    userCalendarId: found.calendar.id,
    timezone: body.data.timezone,
    timeSlots: body.data.timeSlots,
    now: at,
  });
  return { ok: true, released: saved?.released ?? 0, savedAt: at.toISOString() };
}

const readSchema = z.object({ text: z.string().trim().min(1).max(5000), timezone: timeZoneSchema });

/** "Type your times": the reply parser, so the grid shows what a reply would be read as. */
export async function readAvailabilityForForm(token: string, input: unknown): Promise<ReadOutcome> {
  await ensureBooted();
  const body = readSchema.safeParse(input);
  if (!tokenSchema.safeParse(token).success) return { ok: false, refusal: 'link' };
  if (!body.success) return { ok: false, refusal: 'text' };
  if (!(await findRequestByToken(getDb(), token))) return { ok: false, refusal: 'link' };
  const at = now();
  const result = parseAvailability({
    text: body.data.text,
    timezone: body.data.timezone,
    referenceDate: localDateOf(body.data.timezone, at.getTime()),
  });
  return {
    ok: true,
    timezone: result.timezone,
    timeSlots: result.timeSlots,
    unparsed: result.unparsed,
  };
}
