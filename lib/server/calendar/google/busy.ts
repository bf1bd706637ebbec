import 'server-only';
import type { calendar_v3 } from '@googleapis/calendar';
import { parseRfc3339 } from '@/lib/domain/time/rfc3339';
import { CalendarUnavailableError, type BusyInterval } from '../types';

const DAY = 86_400_000;
/** The widest range one `freebusy.query` is asked for (DESIGN §6). */
export const FREEBUSY_CHUNK_MS = 90 * DAY;

/** Splits `[start, end)` into consecutive pieces of at most `size` ms. */
export function chunksOf(range: { start: Date; end: Date }, size = FREEBUSY_CHUNK_MS) {
  const chunks: { start: Date; end: Date }[] = [];
  for (let at = range.start.getTime(); at < range.end.getTime(); at += size) {
    chunks.push({ start: new Date(at), end: new Date(Math.min(at + size, range.end.getTime())) });
  }
  return chunks;
}

/**
 * Busy periods of the account's primary calendar, one `freebusy.query` per chunk, in parallel. A
 * calendar Google reports errors for is unknown, never free.
 */
export async function queryBusy(
  api: calendar_v3.Calendar,
  range: { start: Date; end: Date },
): Promise<BusyInterval[]> {
  const answers = await Promise.all(
    chunksOf(range).map(async (chunk) => {
      const res = await api.freebusy.query({
        requestBody: {
          timeMin: chunk.start.toISOString(),
          timeMax: chunk.end.toISOString(),
          timeZone: 'UTC',
          items: [{ id: 'primary' }],
        },
      });
      const calendar = res.data.calendars?.primary;
      if (!calendar || (calendar.errors?.length ?? 0) > 0) {
        const reason =
          calendar?.errors?.map((e) => e.reason).join(', ') ?? 'no calendar in the answer';
        throw new CalendarUnavailableError(`Google free/busy failed: ${reason}`);
      }
      return (calendar.busy ?? []).flatMap((period) => {
        const start = parseRfc3339(period.start ?? '');
        const end = parseRfc3339(period.end ?? '');
        return Number.isFinite(start) && Number.isFinite(end) && end > start
          ? [{ start, end }]
          : [];
      });
    }),
  );
  return answers.flat().sort((a, b) => a.start - b.start);
}
