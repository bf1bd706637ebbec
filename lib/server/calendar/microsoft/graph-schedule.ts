import 'server-only';
import type * as Graph from '@microsoft/microsoft-graph-types';
import type { BusyInterval } from '../types';
import type { GraphApi } from './graph-call';

const DAY = 86_400_000;
/** getSchedule answers for at most 62 days per request. */
export const MAX_SCHEDULE_DAYS = 62;

/** `[start, end)` cut into consecutive pieces of at most 62 days. */
export function scheduleChunks(range: { start: Date; end: Date }): { start: Date; end: Date }[] {
  const chunks: { start: Date; end: Date }[] = [];
  for (let at = range.start.getTime(); at < range.end.getTime(); at += MAX_SCHEDULE_DAYS * DAY) {
    const end = Math.min(at + MAX_SCHEDULE_DAYS * DAY, range.end.getTime());
    chunks.push({ start: new Date(at), end: new Date(end) });
  }
  return chunks;
}

/** Graph's `dateTime` in UTC (asked for with `Prefer: outlook.timezone="UTC"`), as epoch ms. */
function utcMs(value: Graph.DateTimeTimeZone | null | undefined): number {
  const text = value?.dateTime ?? '';
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(ms)) throw new Error(`unreadable schedule time: ${text}`);
  return ms;
}

function isoUtc(instant: Date): Graph.DateTimeTimeZone {
  return { dateTime: instant.toISOString().replace(/Z$/, ''), timeZone: 'UTC' };
}

/** The account's busy periods in one chunk: every schedule item whose status is not `free`. */
export async function scheduleBusy(
  api: GraphApi,
  email: string,
  chunk: { start: Date; end: Date },
): Promise<BusyInterval[]> {
  const answer = (await api('/me/calendar/getSchedule')
    .header('Prefer', 'outlook.timezone="UTC"')
    .post({
      schedules: [email],
      startTime: isoUtc(chunk.start),
      endTime: isoUtc(chunk.end),
      availabilityViewInterval: 60,
    })) as { value?: Graph.ScheduleInformation[] };
  const schedule =
    answer.value?.find((s) => s.scheduleId?.toLowerCase() === email) ?? answer.value?.[0];
  if (!schedule) throw new Error('getSchedule returned no schedule');
  if (schedule.error) {
    throw new Error(`getSchedule could not read the calendar: ${schedule.error.message ?? ''}`);
  }
  return (schedule.scheduleItems ?? [])
    .filter((item) => item.status !== 'free')
    .map((item) => ({ start: utcMs(item.start), end: utcMs(item.end) }))
    .filter((b) => b.end > b.start);
}
