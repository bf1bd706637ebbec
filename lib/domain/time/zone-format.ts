/**
 * What Intl says about a zone at an instant. Every `at` is epoch milliseconds; every `zone` an IANA
 * id the runtime knows. Building a DateTimeFormat costs ~0.1 ms and a list needs a few per zone,
 * so formatters are kept; formatting with a kept one costs microseconds.
 */

const FORMATTER_LIMIT = 5000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  kind: string,
  locale: string,
  zone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${zone}`;
  let hit = formatters.get(key);
  if (!hit) {
    if (formatters.size >= FORMATTER_LIMIT) formatters.clear();
    hit = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, hit);
  }
  return hit;
}

function readPart(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/** "GMT+05:30", "GMT-08:00", "GMT+00:00" for an offset east of UTC in minutes. */
export function formatOffset(minutes: number): string {
  const rounded = Math.round(minutes);
  const sign = rounded < 0 ? '-' : '+';
  const whole = Math.abs(rounded);
  const hours = String(Math.floor(whole / 60)).padStart(2, '0');
  return `GMT${sign}${hours}:${String(whole % 60).padStart(2, '0')}`;
}

export type ZoneClock = {
  /** Minutes east of UTC at the instant. */
  offsetMinutes: number;
  /** ICU's English abbreviation ("PST", "GMT"), or null where it only has "GMT+1". */
  abbreviation: string | null;
};

/** The zone's UTC offset and US-English abbreviation at `at` (one formatter for both). */
export function readZoneClock(zone: string, at: number): ZoneClock {
  const parts = formatter('clock', 'en-US', zone, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(at);
  const number = (type: Intl.DateTimeFormatPartTypes) => Number(readPart(parts, type));
  const wall = Date.UTC(
    number('year'),
    number('month') - 1,
    number('day'),
    number('hour'),
    number('minute'),
    number('second'),
  );
  const name = readPart(parts, 'timeZoneName');
  return {
    offsetMinutes: Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000),
    abbreviation: /^[A-Z]{2,5}$/.test(name) ? name : null,
  };
}

/** Intl writes a zone it has no name for as an offset ("GMT+03:00", "UTC+3", "غرينتش+3"). */
function isOffsetName(name: string): boolean {
  return name === '' || /\p{Nd}/u.test(name) || name === 'GMT' || name === 'UTC';
}

/**
 * The zone's name in `locale`: `longGeneric` ("Pacific Time", same all year) or `long` ("Pacific
 * Standard Time", changes with DST) at `at`; null when Intl only has an offset for it.
 */
export function readZoneName(
  zone: string,
  locale: string,
  style: 'longGeneric' | 'long',
  at: number,
): string | null {
  const parts = formatter(style, locale, zone, { timeZoneName: style }).formatToParts(at);
  const name = readPart(parts, 'timeZoneName');
  return isOffsetName(name) ? null : name;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/**
 * Wall-clock time in a zone `offsetMinutes` east of UTC at `at`: "20:52" (hour12 false) or
 * "8:52 PM" in `locale`. Formatting the shifted instant in UTC needs one formatter for all zones.
 */
export function formatLocalTime(
  at: number,
  offsetMinutes: number,
  locale: string,
  hour12: boolean,
): string {
  const key = `${locale}|${hour12}`;
  let clock = clocks.get(key);
  if (!clock) {
    if (clocks.size >= 40) clocks.clear();
    clock = new Intl.DateTimeFormat(
      locale,
      hour12
        ? { timeZone: 'UTC', hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }
        : { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    );
    clocks.set(key, clock);
  }
  // ICU puts a narrow no-break space before AM/PM; Chromium writes a plain one. One form for both
  // (so a label rendered on the server reads the same in the browser).
  return clock.format(at + offsetMinutes * 60_000).replace(/[\u2009\u202f]/g, ' ');
}

const regions = new Map<string, Intl.DisplayNames>();

/** The country's name in `locale` ("India", "Indien"), or null when CLDR has none. */
export function readCountryName(code: string, locale: string): string | null {
  let names = regions.get(locale);
  if (!names) {
    if (regions.size >= 20) regions.clear();
    names = new Intl.DisplayNames(locale, { type: 'region', fallback: 'none' });
    regions.set(locale, names);
  }
  return names.of(code) ?? null;
}

/** `locale` as Intl understands it ("en-us" → "en-US"), "en" when it is not a valid BCP 47 tag. */
export function resolveLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
