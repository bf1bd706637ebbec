import { describe, expect, it } from 'vitest';
import { languages } from '@/lib/contracts/common';
import { localeOf, messagesFor } from './catalogs';
import { fill, plural } from './format-message';
import { en } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Every string of a catalog by key path ("minutes.one", "weekdaysShort.3"). */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    strings(inner, path ? `${path}.${key}` : key),
  );
}

describe('booking page catalogs', () => {
  const reference = new Map(strings(en));

  it.each(languages)('%s has every string of English, with the same placeholders', (language) => {
    const catalog = new Map(strings(messagesFor(language)));
    for (const [key, text] of reference) {
      // Plural forms other than `one`/`other` are optional; the languages that need them have them.
      const value = catalog.get(key);
      expect(value, `${language}: ${key}`).toBeDefined();
      expect(value!.trim(), `${language}: ${key}`).not.toBe('');
      if (!/\.(one|other)$/.test(key) || key.endsWith('.other'))
        expect(placeholders(value!), `${language}: ${key}`).toEqual(placeholders(text));
    }
    expect(messagesFor(language).weekdaysShort).toHaveLength(7);
    expect(messagesFor(language).weekdaysLong).toHaveLength(7);
  });

  it('gives every language a locale Intl knows', () => {
    for (const language of languages) {
      expect(Intl.DateTimeFormat.supportedLocalesOf([localeOf[language]])).toHaveLength(1);
    }
  });

  it('fills placeholders and picks plural forms by the language rules', () => {
    expect(fill('{a} and {b}', { a: 'x', b: 2 })).toBe('x and 2');
    expect(fill('{missing} stays', {})).toBe('{missing} stays');
    expect(plural(en.openTimesCount, 1, 'en')).toBe('1 open time');
    expect(plural(en.openTimesCount, 7, 'en')).toBe('7 open times');
    // French counts 0 as singular; the catalog's forms follow it.
    const fr = messagesFor('fr').openTimesCount;
    expect(plural(fr, 0, 'fr')).toBe(fill(fr.one, { n: 0 }));
    expect(plural(fr, 2, 'fr')).toBe(fill(fr.other, { n: 2 }));
  });
});
