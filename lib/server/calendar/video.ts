import 'server-only';
import type { VideoProvider as VideoProviderName } from '@/lib/contracts/meeting';
import { env } from '@/lib/env';
import type { CalendarProviderName } from '@/lib/server/db/schema/calendars';
import { providerFor } from './providers';

const DEV_ROOM_PATH = '/dev/video/';

/** The calendar whose events carry this video provider's rooms. */
export function videoCalendarProvider(
  name: VideoProviderName,
): Exclude<CalendarProviderName, 'DEV'> {
  return name === 'Google Meet' ? 'GOOGLE' : 'MICROSOFT';
}

/**
 * Whether real rooms of this provider can be made: its calendar provider's credentials are set.
 * Otherwise the development video room stands in (DESIGN §6).
 */
export function isLiveVideo(name: VideoProviderName): boolean {
  return providerFor(videoCalendarProvider(name)).isConfigured();
}

/**
 * The development room of a meeting: a stable link on this app, so invites, pages and webhooks
 * carry a real, unique URL in development — and everything that shows it says what it is.
 */
export function devRoomUrl(meetingId: string): string {
  return `${env().APP_URL}${DEV_ROOM_PATH}${meetingId}`;
}

/** Whether a meeting link is one of the dev provider's placeholder rooms (on this app). */
export function isDevelopmentRoom(url: string | null): boolean {
  return url !== null && url.startsWith(`${env().APP_URL}${DEV_ROOM_PATH}`);
}

/** How a room is named in messages and invites: the dev room never passes for a real call. */
export function videoRoomLabel(provider: VideoProviderName | null, url: string): string {
  return isDevelopmentRoom(url)
    ? `Development video room (stands in for ${provider ?? 'a video call'}; no real call happens there)`
    : (provider ?? 'Video call');
}
