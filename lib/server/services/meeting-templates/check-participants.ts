import 'server-only';
import type {
  AvailabilityMethod,
  MeetingConfiguration,
  MeetingParticipant,
} from '@/lib/contracts/meeting';
import { DomainError } from '@/lib/domain/errors';
import { findLiveConnections } from '@/lib/server/calendar/connections';
import { isLiveVideo, videoCalendarProvider } from '@/lib/server/calendar/video';
import type { Db } from '@/lib/server/db/client';

type Detail = { path: string; message: string };

/**
 * A participant marked calendar-connected must have a connected calendar in this organization
 * (CONNECTED or NEEDS_RECONNECT), and a live video provider needs the organizer's calendar of
 * that provider: Google Meet a Google one, Microsoft Teams a Microsoft one (DESIGN §6). Without
 * provider credentials the development video room stands in, and any organizer will do.
 */
export async function assertCalendarsConnected(
  db: Db,
  params: {
    organizationId: string;
    participants: MeetingParticipant[];
    method?: AvailabilityMethod;
    configuration?: Pick<MeetingConfiguration, 'videoConferencing' | 'videoConferencingProvider'>;
    path: string;
  },
): Promise<void> {
  const { participants, configuration } = params;
  const provider = configuration?.videoConferencing
    ? configuration.videoConferencingProvider
    : null;
  const needsVideoCalendar = provider !== null && isLiveVideo(provider);
  const wanted = participants
    .filter(
      (p) =>
        p.isCalendarConnected ||
        (needsVideoCalendar && (p.isOrganizer || params.method === 'ROUND_ROBIN')),
    )
    .map((p) => p.email);
  if (wanted.length === 0) return;
  const connections = await findLiveConnections(db, {
    organizationId: params.organizationId,
    emails: wanted,
  });
  const details: Detail[] = participants.flatMap((p, i) =>
    p.isCalendarConnected && !connections.has(p.email)
      ? [
          {
            path: `${params.path}.${i}.isCalendarConnected`,
            message: `no calendar is connected for ${p.email} in this organization`,
          },
        ]
      : [],
  );
  if (provider && needsVideoCalendar) {
    const calendar = videoCalendarProvider(provider);
    // Round robin has no fixed organizer: whoever is assigned hosts, so each one needs it.
    const hosts =
      params.method === 'ROUND_ROBIN' ? participants : participants.filter((p) => p.isOrganizer);
    const missing = hosts.find((p) => connections.get(p.email)?.provider !== calendar);
    if (missing) {
      details.push({
        path: 'meetingConfiguration.videoConferencingProvider',
        message: `${provider} needs the organizer's ${calendar === 'GOOGLE' ? 'Google' : 'Microsoft'} calendar connected (${missing.email} has none)`,
      });
    }
  }
  if (details.length > 0) {
    throw new DomainError(
      'validation_error',
      `${details[0]!.path}: ${details[0]!.message}`,
      details,
    );
  }
}
