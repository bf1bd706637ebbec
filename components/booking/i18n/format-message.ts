import type { Plural } from './messages';

/** `{name}` placeholders filled from `values` (a missing value leaves the placeholder visible). */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

const rules = new Map<string, Intl.PluralRules>();

/** The plural form of `n` in `locale`, with `{n}` (and any other placeholder) filled. */
export function plural(
  forms: Plural,
  n: number,
  locale: string,
  values: Record<string, string | number> = {},
): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  const category = rule.select(n);
  return fill(forms[category] ?? forms.other, { n, ...values });
}
