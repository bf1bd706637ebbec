import 'server-only';
import { sql } from 'drizzle-orm';
import { activeConversationStatuses } from '@/lib/contracts/conversation';
import type { InterviewerLoad, InterviewerLoadWeek } from '@/lib/contracts/interviewer-load';
import { dateRangeToInterval } from '@/lib/domain/availability/date-range';
import { isoWeekMonday } from '@/lib/domain/slots/load-limits';
import { localDateOf } from '@/lib/domain/slots/wall-clock';
import { dateOfDayNumber, dayNumberOf } from '@/lib/domain/time/calendar-date';
import { executeRows, type Db } from '@/lib/server/db/client';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Each interviewer's meetings today and this ISO week (in `timezone`, e.g. a template's meeting
 * zone) against their limits: the strictest `maxMeetingsPerDay` / `maxMeetingsPerWeek` given for
 * that email in a live meeting template or an open conversation of the organization. `emails`
 * limits the answer to those people (in that order); without it, every interviewer with a
 * meeting this week or a limit somewhere.
 */
export async function interviewerLoadThisWeek(
  db: Db,
  params: { organizationId: string; timezone: string; now: Date; emails?: string[] },
): Promise<InterviewerLoadWeek> {
  const { organizationId, timezone } = params;
  const today = localDateOf(timezone, params.now.getTime());
  const monday = isoWeekMonday(dayNumberOf(today));
  const from = dateOfDayNumber(monday);
  const to = dateOfDayNumber(monday + 6);
  const week = dateRangeToInterval(timezone, from, to);
  const day = dateRangeToInterval(timezone, today, today);
  const emails = params.emails?.map((e) => e.toLowerCase());
  if (emails && emails.length === 0) return { timezone, from, to, loads: [] };
  const only = (column: ReturnType<typeof sql.raw>) =>
    emails
      ? sql`and ${column} in (${sql.join(
          emails.map((e) => sql`${e}`),
          sql`, `,
        )})`
      : sql``;
  const counts = await executeRows<{ email: string; today: number; week: number }>(
    db,
    sql`select a.email,
          count(*) filter (where m.start_at >= ${iso(day.start)}::timestamptz
            and m.start_at < ${iso(day.end)}::timestamptz)::int as today,
          count(*)::int as week
        from meeting_attendees a
        join meetings m on m.id = a.meeting_id and m.organization_id = a.organization_id
        where a.organization_id = ${organizationId} and a.active and a.role = 'INTERVIEWER'
          and m.status = 'SCHEDULED'
          and m.start_at >= ${iso(week.start)}::timestamptz and m.start_at < ${iso(week.end)}::timestamptz
          ${only(sql.raw('a.email'))}
        group by a.email`,
  );
  const active = sql.join(
    activeConversationStatuses.map((s) => sql`${s}`),
    sql`, `,
  );
  const limits = await executeRows<{
    email: string;
    per_day: number | null;
    per_week: number | null;
  }>(
    db,
    sql`select email, min(per_day)::int as per_day, min(per_week)::int as per_week from (
          select p.email, p.max_meetings_per_day as per_day, p.max_meetings_per_week as per_week
          from conversation_participants p
          join conversations c on c.id = p.conversation_id
          where p.organization_id = ${organizationId} and c.status in (${active})
            and (p.max_meetings_per_day is not null or p.max_meetings_per_week is not null)
            ${only(sql.raw('p.email'))}
          union all
          select lower(e->>'email'), (e->>'maxMeetingsPerDay')::int, (e->>'maxMeetingsPerWeek')::int
          from meeting_templates t, jsonb_array_elements(t.participants) e
          where t.organization_id = ${organizationId} and t.deleted_at is null
            and (e->>'maxMeetingsPerDay' is not null or e->>'maxMeetingsPerWeek' is not null)
            ${only(sql.raw(`lower(e->>'email')`))}
        ) given group by email`,
  );
  const byEmail = new Map<string, InterviewerLoad>();
  const entry = (email: string): InterviewerLoad => {
    let load = byEmail.get(email);
    if (!load) {
      load = {
        email,
        meetingsToday: 0,
        meetingsThisWeek: 0,
        maxMeetingsPerDay: null,
        maxMeetingsPerWeek: null,
      };
      byEmail.set(email, load);
    }
    return load;
  };
  for (const email of emails ?? []) entry(email);
  for (const row of counts) {
    const load = entry(row.email);
    load.meetingsToday = Number(row.today);
    load.meetingsThisWeek = Number(row.week);
  }
  for (const row of limits) {
    const load = entry(row.email);
    load.maxMeetingsPerDay = row.per_day === null ? null : Number(row.per_day);
    load.maxMeetingsPerWeek = row.per_week === null ? null : Number(row.per_week);
  }
  const loads = emails
    ? emails.map((e) => byEmail.get(e)!)
    : [...byEmail.values()].sort((a, b) => a.email.localeCompare(b.email));
  return { timezone, from, to, loads };
}
