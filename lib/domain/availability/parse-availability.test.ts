import { describe, expect, it } from 'vitest';
import { availabilityCorpus, expectedSlots } from './availability-corpus';
import { availabilityLanguages } from './availability-words';
import { detectLanguage, parseAvailability } from './parse-availability';

const read = (text: string, referenceDate = '2026-12-07', timezone = 'Europe/Berlin') =>
  parseAvailability({ text, timezone, referenceDate });

describe('parseAvailability on the labelled corpus', () => {
  it('holds at least 150 replies, 20 or more in every language', () => {
    expect(availabilityCorpus.length).toBeGreaterThanOrEqual(150);
    for (const language of availabilityLanguages) {
      expect(
        availabilityCorpus.filter((c) => c.language === language).length,
      ).toBeGreaterThanOrEqual(20);
    }
  });

  it.each(availabilityCorpus.map((c) => [c.language, c.text, c] as const))(
    '%s: %s',
    (_language, _text, c) => {
      const timezone = c.timezone ?? 'Europe/Berlin';
      const result = parseAvailability({
        text: c.text,
        timezone,
        referenceDate: c.referenceDate ?? '2026-12-07',
      });
      expect(result.language).toBe(c.language);
      expect(result.timezone).toBe(c.expectedZone ?? timezone);
      expect(result.timeSlots).toEqual(expectedSlots(c.expected));
    },
  );
});

describe('parseAvailability', () => {
  it('reads nothing from a reply without times, and names what it could not read', () => {
    const result = read('Sorry, I will check with the team and come back to you.');
    expect(result.timeSlots).toEqual([]);
    expect(result.unparsed).toEqual(['Sorry, I will check with the team and come back to you']);
  });

  it('leaves greetings and sign-offs out of what it could not read', () => {
    const result = read('Hi Alex,\nWednesday 10-12\nThanks\nKim');
    expect(result.timeSlots).toEqual(expectedSlots('9,16 10:00-12:00'));
    expect(result.unparsed).toEqual(['Kim']);
  });

  it('keeps the zone it was given when the reply names none, and takes the one it names', () => {
    expect(read('Monday 9-12', '2026-12-07', 'Asia/Tokyo').timezone).toBe('Asia/Tokyo');
    expect(read('Monday 9-12 PST', '2026-12-07', 'Asia/Tokyo').timezone).toBe(
      'America/Los_Angeles',
    );
    expect(read('Monday 9-12 New York time').timezone).toBe('America/New_York');
  });

  it('drops dates before the reference date and weekdays beyond the 14 days', () => {
    // 1 December has passed: it would be next year's, beyond what a reply is read for.
    expect(read('December 1 9-12').timeSlots).toEqual([]);
    const slots = read('Mondays 9-10').timeSlots.map((s) => s.date);
    expect(slots).toEqual(['2026-12-07', '2026-12-14']);
  });

  it('removes a negated day from everything else the reply gives', () => {
    expect(read('Any day next week 9-11. Not Wednesday.').timeSlots).toEqual(
      expectedSlots('14,15,17,18 09:00-11:00'),
    );
  });

  it('reads ends across noon and explicit meridiems', () => {
    expect(read('Tuesday 11-1').timeSlots).toEqual(expectedSlots('8,15 11:00-13:00'));
    expect(read('Tuesday 8-10pm').timeSlots).toEqual(expectedSlots('8,15 20:00-22:00'));
    expect(read('Tuesday 9am-5').timeSlots).toEqual(expectedSlots('8,15 09:00-17:00'));
  });

  it('recognises the language from the words used', () => {
    expect(detectLanguage('Lunes por la mañana')).toBe('es');
    expect(detectLanguage('Segunda de manhã')).toBe('pt');
    expect(detectLanguage('Lundi matin')).toBe('fr');
    expect(detectLanguage('Montag vormittags')).toBe('de');
    expect(detectLanguage('Monday morning')).toBe('en');
  });
});
