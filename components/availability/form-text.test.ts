import { describe, expect, it } from 'vitest';
import { availabilityLanguages } from '@/lib/domain/availability/availability-words';
import { parseAvailability } from '@/lib/domain/availability/parse-availability';
import { availabilityFormText } from './form-text';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const flat = (value: unknown): [string, string][] =>
  typeof value === 'string'
    ? [['', value]]
    : Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
        flat(inner).map(
          ([path, text]) => [`${key}${path ? `.${path}` : ''}`, text] as [string, string],
        ),
      );

describe('the availability form’s words', () => {
  const english = new Map(flat(availabilityFormText.en));

  it('has every message in every language, with the same placeholders', () => {
    for (const language of availabilityLanguages) {
      const messages = flat(availabilityFormText[language]);
      expect(messages.map(([key]) => key)).toEqual([...english.keys()]);
      for (const [key, text] of messages) {
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        if (key === 'waiting.one' || key === 'released.one') continue; // "{n}" may be spelled out
        expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(english.get(key)!));
      }
      if (language !== 'en')
        expect(availabilityFormText[language].lead).not.toBe(availabilityFormText.en.lead);
    }
  });

  it('quotes examples the parser reads in the page’s language', () => {
    for (const language of availabilityLanguages) {
      const { typeHint, noneFound } = availabilityFormText[language];
      const quoted = [...`${typeHint} ${noneFound}`.matchAll(/[“«„]\s?([^”»“]+?)\s?[”»“]/g)].map(
        (m) => m[1]!,
      );
      expect(quoted.length, language).toBe(3);
      for (const example of quoted) {
        const parsed = parseAvailability({
          text: example,
          timezone: 'Europe/Berlin',
          referenceDate: '2026-12-07',
        });
        expect(parsed.language, example).toBe(language);
        expect(parsed.unparsed, example).toEqual([]);
        expect(parsed.timeSlots.length, example).toBeGreaterThan(0);
      }
    }
  });
});
