import 'server-only';
import { sql } from 'drizzle-orm';
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
  const rows = await executeRows<{ email: string; start_ms: number; end_ms: number }>(
    db,
    sql`select email,
          (extract(epoch from lower(during)) * 1000)::float8 as start_ms,
          (extract(epoch from upper(during)) * 1000)::float8 as end_ms
        from meeting_attendees
        where organization_id = ${params.organizationId}
          and active and role = 'INTERVIEWER'
          and email in (${sql.join(
            params.emails.map((e) => sql`${e}`),
            sql`, `,
          )})
          and during && tstzrange(${new Date(params.range.start).toISOString()}::timestamptz, ${new Date(params.range.end).toISOString()}::timestamptz, '[)')
          ${params.excludeMeetingId ? sql`and meeting_id <> ${params.excludeMeetingId}` : sql``}`,
  );
  for (const row of rows)
    byEmail.get(row.email)?.push({ start: Number(row.start_ms), end: Number(row.end_ms) });
  return byEmail;
}
