'use client';

import { formatDateTime, useViewerZone } from './viewer-time';

/** An instant in the viewer's zone ("Tue, Dec 8, 2:30 PM"), as a <time> element. */
export function LocalTime({ iso }: { iso: string }) {
  const zone = useViewerZone();
  const ms = Date.parse(iso);
  return (
    <time dateTime={iso} title={zone}>
      {formatDateTime(ms, zone)}
      {zone === 'UTC' ? ' UTC' : ''}
    </time>
  );
}
