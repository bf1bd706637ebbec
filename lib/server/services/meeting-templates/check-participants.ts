import 'server-only';
import type { MeetingParticipant } from '@/lib/contracts/meeting';
import { DomainError } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import { findConnectedCalendarEmails } from '@/lib/server/queries/calendar-connections';

/** A participant marked calendar-connected must have a connected calendar in this organization. */
export async function assertCalendarsConnected(
  db: Db,
  params: { organizationId: string; participants: MeetingParticipant[]; path: string },
): Promise<void> {
  const wanted = params.participants.filter((p) => p.isCalendarConnected).map((p) => p.email);
  if (wanted.length === 0) return;
  const connected = await findConnectedCalendarEmails(db, {
    organizationId: params.organizationId,
    emails: wanted,
  });
  const details = params.participants.flatMap((p, i) =>
    p.isCalendarConnected && !connected.has(p.email)
      ? [
          {
            path: `${params.path}.${i}.isCalendarConnected`,
            message: `no calendar is connected for ${p.email} in this organization`,
          },
        ]
      : [],
  );
  if (details.length > 0) {
    throw new DomainError(
      'validation_error',
      `${details[0]!.path}: ${details[0]!.message}`,
      details,
    );
  }
}
