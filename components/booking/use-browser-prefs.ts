import { useSyncExternalStore } from 'react';
import { browserPrefers12Hour, browserZone } from './format';

const subscribe = () => () => {};

/**
 * The browser's time zone; null while rendering on the server and hydrating, which do not know it
 * (the page shows placeholders of the same size until then, so nothing jumps).
 */
export function useBrowserZone(): string | null {
  return useSyncExternalStore(subscribe, browserZone, () => null);
}

/** Whether the browser's locale uses a 12-hour clock (the server assumes it does). */
export function useBrowser12Hour(): boolean {
  return useSyncExternalStore(subscribe, browserPrefers12Hour, () => true);
}
