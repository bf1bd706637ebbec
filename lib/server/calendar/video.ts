import 'server-only';
import type { VideoProvider as VideoProviderName } from '@/lib/contracts/meeting';
import { env } from '@/lib/env';

export type VideoMeetingRequest = { meetingId: string; title: string; start: Date; end: Date };

/** Creates the video room of a meeting. Google Meet and Microsoft Teams adapters plug in here. */
export type VideoProvider = {
  name: VideoProviderName;
  createRoom(request: VideoMeetingRequest): Promise<{ url: string }>;
};

/**
 * Without provider credentials, rooms come from the dev provider: a stable link on this app per
 * meeting, so invites, pages and webhooks carry a real, unique URL in development.
 */
function devProvider(name: VideoProviderName): VideoProvider {
  return {
    name,
    createRoom: ({ meetingId }) =>
      Promise.resolve({ url: `${env().APP_URL}/dev/video/${meetingId}` }),
  };
}

export function videoProviderFor(name: VideoProviderName): VideoProvider {
  return devProvider(name);
}
