import 'server-only';
import { toParticipant } from '@/lib/contracts/meeting';
import type { CreateMeetingTemplate } from '@/lib/contracts/meeting-template';
import { dateRangeToInterval } from '@/lib/domain/availability/date-range';
import { computeSlots } from '@/lib/domain/slots/compute-slots';
import { explainNoStarts } from '@/lib/domain/slots/explain-no-starts';
import { localDateOf } from '@/lib/domain/slots/wall-clock';
import { addDays } from '@/lib/domain/time/calendar-date';
import type { Db } from '@/lib/server/db/client';
import type { TemplatePreview } from '@/lib/contracts/dashboard-templates';
import { loadParticipantBusy, loadSlotInput } from '@/lib/server/services/booking/slot-input';

/** Days of the preview: today and the six after it, in the meeting zone. */
const PREVIEW_DAYS = 7;

const timeOf = (zone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

/**
 * The starts an unsaved template would offer this week, by the booking page's own engine and
 * inputs (participants' free times and the meetings already booked with them in Parley).
 */
export async function previewTemplateStarts(
  db: Db,
  params: { organizationId: string; values: CreateMeetingTemplate; now: Date },
): Promise<TemplatePreview> {
  const configuration = params.values.meetingConfiguration;
  const zone = configuration.timezone;
  const now = params.now.getTime();
  const from = localDateOf(zone, now);
  const to = addDays(from, PREVIEW_DAYS - 1);
  const participants = params.values.meetingParticipants.map((p, i) => ({
    ...toParticipant(p),
    id: `draft-${i}`,
  }));
  const scope = {
    organizationId: params.organizationId,
    configuration,
    participants,
    range: dateRangeToInterval(zone, from, to),
  };
  const calendarBusy = await loadParticipantBusy(db, {
    ...scope,
    now: params.now,
    mode: 'cached',
  });
  const input = await loadSlotInput(db, {
    ...scope,
    method: params.values.availabilityMethod,
    now,
    calendarBusy,
  });
  const starts = computeSlots(input);
  const format = timeOf(zone);
  const byDay = new Map<string, { time: string; start: string }[]>();
  for (const start of starts) {
    const date = localDateOf(zone, start);
    byDay.set(date, [
      ...(byDay.get(date) ?? []),
      { time: format.format(start), start: new Date(start).toISOString() },
    ]);
  }
  return {
    timezone: zone,
    from,
    to,
    duration: configuration.duration,
    days: [...byDay].map(([date, list]) => ({ date, starts: list })),
    count: starts.length,
    reasons:
      starts.length > 0
        ? []
        : explainNoStarts(
            input,
            participants.map((p) => ({
              name: p.name,
              isAwaitingReply: p.autoCollectAvailability && !p.availability,
            })),
          ),
  };
}
