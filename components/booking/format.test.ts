import { describe, expect, it } from 'vitest';
import { datesInZone, dateInZone, formatTimeRange, plainSpaces } from './format';

/** The reference: Intl's own reading of each instant's date in the zone. */
const references = new Map<string, Intl.DateTimeFormat>();
function intlDate(ms: number, zone: string): string {
  let format = references.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    references.set(zone, format);
  }
  return format.format(ms);
}

describe('datesInZone', () => {
  const zones = [
    'America/New_York',
    'Europe/Berlin',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Pacific/Apia',
    'America/Sao_Paulo',
    'UTC',
  ];

  it('reads the same dates as Intl, across DST changes and odd offsets', () => {
    // Every 17 minutes over two months around the March and October/November changes.
    for (const from of [Date.UTC(2026, 1, 20), Date.UTC(2026, 8, 20)]) {
      const instants = Array.from(
        { length: (62 * 24 * 60) / 17 },
        (_, i) => from + i * 17 * 60_000,
      );
      for (const zone of zones) {
        const dates = datesInZone(instants, zone);
        instants.forEach((t, i) => {
          if (dates[i] !== intlDate(t, zone))
            throw new Error(
              `${zone} ${new Date(t).toISOString()}: ${dates[i]} ≠ ${intlDate(t, zone)}`,
            );
        });
      }
    }
    expect(dateInZone(Date.UTC(2026, 2, 29, 0, 59), 'Europe/Berlin')).toBe('2026-03-29');
    expect(dateInZone(Date.UTC(2026, 2, 28, 22, 59), 'Europe/Berlin')).toBe('2026-03-28');
  });

  it('keeps the order of its input, sorted or not', () => {
    const a = Date.UTC(2026, 5, 1, 23, 30);
    const b = Date.UTC(2026, 5, 1, 1, 0);
    expect(datesInZone([a, b], 'Asia/Kolkata')).toEqual(['2026-06-02', '2026-06-01']);
    expect(datesInZone([], 'UTC')).toEqual([]);
  });
});

describe('plainSpaces', () => {
  it("writes ICU's thin and narrow no-break spaces as plain ones", () => {
    expect(plainSpaces('9:00\u2009–\u20099:30\u202fAM')).toBe('9:00 – 9:30 AM');
    const range = formatTimeRange(
      Date.UTC(2026, 11, 4, 14),
      Date.UTC(2026, 11, 4, 14, 30),
      'America/New_York',
      true,
      'en-US',
    );
    expect(range).not.toMatch(/[\u2009\u202f]/);
    expect(range).toMatch(/^9:00 – 9:30 AM$/);
  });
});
