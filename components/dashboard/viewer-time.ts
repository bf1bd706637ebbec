'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * The viewer's time zone: the browser's once hydrated; UTC on the server and during hydration
 * (the markup says "UTC" until then, so nothing mismatches).
 */
export function useViewerZone(): string {
  return useSyncExternalStore(
    subscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    () => 'UTC',
  );
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string, options: Intl.DateTimeFormatOptions, kind: string) {
  const key = `${kind}|${zone}`;
  let hit = formats.get(key);
  if (!hit) {
    hit = new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone });
    formats.set(key, hit);
  }
  return hit;
}

const plain = (text: string) => text.replace(/[\u2009\u202f]/g, ' ');

/** "Tue, Dec 8, 2:30 PM" in `zone`. */
export function formatDateTime(ms: number, zone: string): string {
  return plain(
    format(
      zone,
      { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
      'dt',
    ).format(ms),
  );
}

/** "2:30 – 3:00 PM" in `zone`. */
export function formatTimeRange(start: number, end: number, zone: string): string {
  return plain(format(zone, { hour: 'numeric', minute: '2-digit' }, 't').formatRange(start, end));
}

/** `YYYY-MM-DD` of `ms` in `zone`. */
export function dayOf(ms: number, zone: string): string {
  return format(zone, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'd')
    .formatToParts(ms)
    .filter((p) => p.type !== 'literal')
    .map((p) => p.value)
    .join('-');
}

/** "Tuesday, December 8" of `ms` in `zone`. */
export function formatDay(ms: number, zone: string): string {
  return plain(format(zone, { weekday: 'long', month: 'long', day: 'numeric' }, 'day').format(ms));
}
