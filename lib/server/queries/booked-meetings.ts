import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Interval } from '@/lib/domain/slots/types';
import { executeRows, type Db } from '@/lib/server/db/client';

/**
 * Live Parley meetings of these interviewers (by email, in every conversation of the
 * organization) that overlap `range`, as epoch-ms intervals per email.
 */
export async function findBookedIntervals(
  db: Db,
  params: {
    organizationId: string;
    emails: string[];
    range: Interval;
    excludeMeetingId?: string | null;
  },
): Promise<Map<string, Interval[]>> {
  const byEmail = new Map<string, Interval[]>(params.emails.map((e) => [e, []]));
  if (params.emails.length === 0) return byEmail;
  const whose = sql`a.organization_id = ${params.organizationId}
    and a.email in (${sql.join(
      params.emails.map((e) => sql`${e}`),
      sql`, `,
    )})`;
  return readBooked(db, byEmail, whose, params.range, params.excludeMeetingId ?? null);
}

/** Booked intervals per email, and the range they were read for (what they can answer). */
export type BookedIntervals = { range: Interval; byEmail: Map<string, Interval[]> };

/**
 * `findBookedIntervals` for the interviewers of booking link `token`, found through the link in
 * the same statement: it needs nothing from the link's own row, so the booking page sends both at
 * once instead of one after the other. Scoped by the link's organization.
 */
export async function findLinkBookedIntervals(
  db: Db,
  params: { token: string; range: Interval },
): Promise<BookedIntervals> {
  const whose = sql`(a.organization_id, a.email) in (
    select c.organization_id, p.email
    from conversations c
    join conversation_participants p
      on p.conversation_id = c.id and p.organization_id = c.organization_id
    where c.booking_token = ${params.token})`;
  const byEmail = await readBooked(db, new Map(), whose, params.range, null);
  return { range: params.range, byEmail };
}

/** The live interviewer attendances `whose` selects that overlap `range`, added to `byEmail`. */
async function readBooked(
  db: Db,
  byEmail: Map<string, Interval[]>,
  whose: SQL,
  range: Interval,
  excludeMeetingId: string | null,
): Promise<Map<string, Interval[]>> {
  const rows = await executeRows<{ email: string; start_ms: number; end_ms: number }>(
    db,
    sql`select a.email,
          (extract(epoch from lower(a.during)) * 1000)::float8 as start_ms,
          (extract(epoch from upper(a.during)) * 1000)::float8 as end_ms
        from meeting_attendees a
        where ${whose}
          and a.active and a.role = 'INTERVIEWER'
          and a.during && tstzrange(${new Date(range.start).toISOString()}::timestamptz, ${new Date(range.end).toISOString()}::timestamptz, '[)')
          ${excludeMeetingId ? sql`and a.meeting_id <> ${excludeMeetingId}` : sql``}`,
  );
  for (const row of rows) {
    const interval = { start: Number(row.start_ms), end: Number(row.end_ms) };
    const list = byEmail.get(row.email);
    if (list) list.push(interval);
    else byEmail.set(row.email, [interval]);
  }
  return byEmail;
}

/**
 * Starts (epoch ms) of the live meetings of these interviewers (in every conversation of the
 * organization) that start within `range`: what the load limits count (DESIGN §4 rule 5).
 */
export async function findMeetingStarts(
  db: Db,
  params: {
    organizationId: string;
    emails: string[];
    range: Interval;
    excludeMeetingId?: string | null;
  },
): Promise<Map<string, number[]>> {
  const byEmail = new Map<string, number[]>(params.emails.map((e) => [e, []]));
  if (params.emails.length === 0) return byEmail;
  const rows = await executeRows<{ email: string; start_ms: number }>(
    db,
    sql`select a.email, (extract(epoch from m.start_at) * 1000)::float8 as start_ms
        from meeting_attendees a
        join meetings m on m.id = a.meeting_id and m.organization_id = a.organization_id
        where a.organization_id = ${params.organizationId}
          and a.active and a.role = 'INTERVIEWER' and m.status = 'SCHEDULED'
          and a.email in (${sql.join(
            params.emails.map((e) => sql`${e}`),
            sql`, `,
          )})
          and m.start_at >= ${new Date(params.range.start).toISOString()}::timestamptz
          and m.start_at < ${new Date(params.range.end).toISOString()}::timestamptz
          ${params.excludeMeetingId ? sql`and m.id <> ${params.excludeMeetingId}` : sql``}`,
  );
  for (const row of rows) byEmail.get(row.email)?.push(Number(row.start_ms));
  return byEmail;
}

/**
 * What round robin weighs for each interviewer (DESIGN §3): live meetings in the organization
 * starting in `range` (the next 14 days), and when a meeting was last booked with them.
 */
export async function findPoolLoads(
  db: Db,
  params: { organizationId: string; emails: string[]; range: Interval },
): Promise<Map<string, { upcomingMeetings: number; lastBookedAt: number | null }>> {
  const byEmail = new Map<string, { upcomingMeetings: number; lastBookedAt: number | null }>(
    params.emails.map((e) => [e, { upcomingMeetings: 0, lastBookedAt: null }]),
  );
  if (params.emails.length === 0) return byEmail;
  const from = new Date(params.range.start).toISOString();
  const to = new Date(params.range.end).toISOString();
  const rows = await executeRows<{ email: string; upcoming: number; last_ms: number | null }>(
    db,
    sql`select a.email,
          count(*) filter (where a.active and m.status = 'SCHEDULED'
            and m.start_at >= ${from}::timestamptz and m.start_at < ${to}::timestamptz)::int as upcoming,
          (extract(epoch from max(m.created_at)) * 1000)::float8 as last_ms
        from meeting_attendees a
        join meetings m on m.id = a.meeting_id and m.organization_id = a.organization_id
        where a.organization_id = ${params.organizationId} and a.role = 'INTERVIEWER'
          and a.email in (${sql.join(
            params.emails.map((e) => sql`${e}`),
            sql`, `,
          )})
        group by a.email`,
  );
  for (const row of rows) {
    byEmail.set(row.email, {
      upcomingMeetings: Number(row.upcoming),
      lastBookedAt: row.last_ms === null ? null : Number(row.last_ms),
    });
  }
  return byEmail;
}
