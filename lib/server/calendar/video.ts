import 'server-only';
import type { VideoProvider as VideoProviderName } from '@/lib/contracts/meeting';
import { env } from '@/lib/env';

export type VideoMeetingRequest = { meetingId: string; title: string; start: Date; end: Date };

/** Creates the video room of a meeting. Google Meet and Microsoft Teams adapters plug in here. */
export type VideoProvider = {
  name: VideoProviderName;
  /** A development stand-in: its rooms are placeholders, and everything that shows them says so. */
  isDevelopment: boolean;
  createRoom(request: VideoMeetingRequest): Promise<{ url: string }>;
};

const DEV_ROOM_PATH = '/dev/video/';

/**
 * Without provider credentials, rooms come from the dev provider: a stable link on this app per
 * meeting, so invites, pages and webhooks carry a real, unique URL in development.
 */
function devProvider(name: VideoProviderName): VideoProvider {
  return {
    name,
    isDevelopment: true,
    createRoom: ({ meetingId }) =>
      Promise.resolve({ url: `${env().APP_URL}${DEV_ROOM_PATH}${meetingId}` }),
  };
}

export function videoProviderFor(name: VideoProviderName): VideoProvider {
  return devProvider(name);
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
