import { canonicalZoneName, isKnownZone } from './zone-names';

const canonical = new Map<string, string | null>();

/**
 * Today's IANA name of a zone in any spelling or case (`america/new_york` → `America/New_York`,
 * `Asia/Calcutta` → `Asia/Kolkata`), or null when the runtime does not know it. Offsets such as
 * `+01:00` are refused: a meeting zone must follow DST rules.
 */
export function canonicalTimeZone(name: string): string | null {
  const hit = canonical.get(name);
  if (hit !== undefined) return hit;
  const result =
    /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name) &&
    name.length <= 64 &&
    isKnownZone(name)
      ? canonicalZoneName(name)
      : null;
  if (canonical.size < 2000) canonical.set(name, result);
  return result;
}
