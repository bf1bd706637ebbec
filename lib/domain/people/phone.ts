import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * A phone number as E.164 (DESIGN §3): one given in E.164 as it is; a national one read with
 * its ISO 3166-1 `countryCode` ("(415) 555-0100" with US → +14155550100). Null when it cannot be
 * read. Pure.
 */
export function toE164(raw: string, countryCode?: string | null): string | null {
  const compact = raw.replace(/[\s().-]/g, '');
  if (E164.test(compact)) return compact;
  if (!countryCode) return null;
  const parsed = parsePhoneNumberFromString(raw, countryCode.toUpperCase() as CountryCode);
  return parsed?.isPossible() ? parsed.number : null;
}

const offsetProbes = [Date.UTC(2026, 0, 15, 12), Date.UTC(2026, 6, 15, 12)];

function offsetsOf(zone: string): string {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  return offsetProbes.map((at) => format.format(at).split(' ').pop()).join(' ');
}

/**
 * The zone of a phone number's country when the country keeps one clock (every zone it has
 * shares the same offsets in winter and summer: Germany's Büsingen counts as Berlin), else null.
 */
export function phoneNumberZone(e164: string): string | null {
  const country = parsePhoneNumberFromString(e164)?.country;
  if (!country) return null;
  const zones = (new Intl.Locale(`und-${country}`) as Intl.Locale & { timeZones?: string[] })
    .timeZones;
  if (!zones?.length) return null;
  const clock = offsetsOf(zones[0]!);
  return zones.every((zone) => offsetsOf(zone) === clock) ? zones[0]! : null;
}
