import { describe, expect, it } from 'vitest';
import { zoneLabel } from './zone-label';
import { zoneOption } from './zone-search';

const JANUARY = Date.UTC(2026, 0, 15, 12, 0);
const JULY = Date.UTC(2026, 6, 15, 12, 0);

describe('zoneLabel', () => {
  it('writes what the zone list writes, without loading the list', () => {
    for (const now of [JANUARY, JULY])
      for (const locale of ['en', 'de', 'fr', 'es', 'pt-BR'])
        for (const hour12 of [true, false])
          for (const id of [
            'Asia/Kolkata',
            'Europe/Berlin',
            'America/Los_Angeles',
            'UTC',
            'Asia/Hong_Kong',
            'Australia/Lord_Howe',
          ])
            expect(zoneLabel(id, { now, locale, hour12 })).toBe(
              zoneOption(id, { now, locale, hour12 }).label,
            );
  });

  it('names the zone, its city and the time there', () => {
    expect(zoneLabel('Asia/Kolkata', { now: JANUARY, locale: 'en', hour12: false })).toBe(
      'India Standard Time — Kolkata (17:30)',
    );
    expect(zoneLabel('Europe/Berlin', { now: JULY, locale: 'de', hour12: false })).toBe(
      'Mitteleuropäische Zeit — Berlin (14:00)',
    );
    // A legacy id is shown under today's name.
    expect(zoneLabel('Asia/Calcutta', { now: JANUARY, locale: 'en', hour12: false })).toBe(
      'India Standard Time — Kolkata (17:30)',
    );
  });
});
