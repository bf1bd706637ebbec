const canonical = new Map<string, string | null>();

/**
 * Canonical IANA name of a zone (`america/new_york` → `America/New_York`), or null when the runtime
 * does not know it. Offsets such as `+01:00` are refused: a meeting zone must follow DST rules.
 */
export function canonicalTimeZone(name: string): string | null {
  const hit = canonical.get(name);
  if (hit !== undefined) return hit;
  let result: string | null = null;
  if (/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name) && name.length <= 64) {
    try {
      result = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      result = null;
    }
  }
  if (canonical.size < 2000) canonical.set(name, result);
  return result;
}
