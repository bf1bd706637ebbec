const QUALITY = /^q=(0(\.\d{0,3})?|1(\.0{0,3})?)$/;

/**
 * The first of the `supported` languages (lowercase primary subtags, such as Parley's `en`, `es`,
 * `fr`, `de`, `pt`) that an `Accept-Language` header asks for (RFC 9110 §12.5.4:
 * ranges ordered by their `q` weight, `q=0` meaning "not this one"), matched by primary subtag
 * (`pt-BR` and `pt-PT` both ask for `pt`). Undefined when the header names none of them; `*` picks
 * nothing, since the caller's default is the better guess then.
 */
export function preferredLanguage<L extends string>(
  header: string | null | undefined,
  supported: readonly L[],
): L | undefined {
  if (!header) return undefined;
  const ranges: { language: L; quality: number; order: number }[] = [];
  const parts = header.split(',').slice(0, 32);
  for (const [order, part] of parts.entries()) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().split('-')[0]!.toLowerCase();
    const language = supported.find((l) => l === primary);
    if (!language) continue;
    const weight = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    if (weight !== undefined && !QUALITY.test(weight)) continue;
    const quality = weight === undefined ? 1 : Number(weight.slice(2));
    if (quality > 0) ranges.push({ language, quality, order });
  }
  ranges.sort((a, b) => b.quality - a.quality || a.order - b.order);
  return ranges[0]?.language;
}
