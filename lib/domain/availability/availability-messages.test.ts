import { describe, expect, it } from 'vitest';
import {
  clarificationEmail,
  confirmationEmail,
  emailExamples,
  requestEmail,
} from './availability-messages';
import { availabilityLanguages } from './availability-words';
import { describeSavedAt, describeSlots } from './describe-times';
import { parseAvailability } from './parse-availability';

describe('availability messages', () => {
  it("tells when times were saved on the person's clock, whatever the machine's zone", () => {
    const at = '2026-12-04T13:10:21.000Z';
    expect(describeSavedAt(at, 'America/New_York')).toBe('Fri 4 Dec, 08:10');
    expect(describeSavedAt(at, 'Asia/Kolkata')).toBe('Fri 4 Dec, 18:40');
    // Past midnight there: the next day.
    expect(describeSavedAt('2026-12-04T23:30:00.000Z', 'Europe/Berlin')).toBe('Sat 5 Dec, 00:30');
  });

  it('lists saved times one line per date', () => {
    expect(
      describeSlots([
        { date: '2026-12-07', startTime: '09:00', endTime: '12:00' },
        { date: '2026-12-07', startTime: '14:00', endTime: '17:00' },
        { date: '2026-12-08', startTime: '10:00', endTime: '11:00' },
      ]),
    ).toEqual(['Mon 7 Dec: 09:00–12:00, 14:00–17:00', 'Tue 8 Dec: 10:00–11:00']);
  });

  it('counts the waiting candidates and names their roles in the request', () => {
    const email = requestEmail({
      name: 'Morgan Manager',
      waiting: 3,
      roles: ['Backend Engineer'],
      duration: 30,
      timezone: 'America/New_York',
      formUrl: 'https://parley.example/availability/abc',
      reminder: 0,
      organization: 'Acme',
    });
    expect(email.subject).toBe('When are you free to interview? (3 waiting)');
    expect(email.body).toContain(
      '3 candidates are waiting to book a 30-minute interview with you for the Backend Engineer role.',
    );
    expect(email.body).toContain('https://parley.example/availability/abc');
  });

  const context = {
    name: 'Morgan Manager',
    waiting: 3,
    roles: ['Backend Engineer'],
    duration: 30,
    timezone: 'Europe/Madrid',
    formUrl: 'https://parley.example/availability/abc',
    reminder: 0 as const,
    organization: 'Acme',
  };

  it('writes the request and its reminders in the waiting campaigns’ language', () => {
    const spanish = requestEmail({ ...context, language: 'es' });
    expect(spanish.subject).toBe('¿Cuándo puede entrevistar? (3 en espera)');
    expect(spanish.body).toContain('Hola, Morgan:');
    expect(spanish.body).toContain(
      '3 candidatos esperan para reservar una entrevista de 30 minutos con usted para el puesto de Backend Engineer.',
    );
    expect(spanish.body).toContain('De lunes a miércoles de 9 a 12, jueves a partir de las 14');
    expect(spanish.body).toContain('https://parley.example/availability/abc');
    expect(requestEmail({ ...context, language: 'de', reminder: 1 }).subject).toBe(
      'Erinnerung: 3 Kandidaten warten auf Ihre Zeiten',
    );
    expect(requestEmail({ ...context, language: 'fr', reminder: 2, waiting: 1 }).body).toContain(
      'Un candidat attend toujours pour le poste de Backend Engineer.',
    );
    // Every language says everything the English email says: no sentence left untranslated.
    for (const language of availabilityLanguages) {
      const email = requestEmail({ ...context, language });
      expect(email.body.split('\n\n')).toHaveLength(8);
      if (language !== 'en') expect(email.body).not.toMatch(/candidates|Reply to this/);
    }
  });

  it('gives examples the parser reads, the same times in every language', () => {
    const read = (text: string) =>
      parseAvailability({ text, timezone: 'Europe/Berlin', referenceDate: '2026-12-07' });
    const english = emailExamples('en');
    // Mon–Wed 9–12 and Thu 14–18 of two weeks; Tue 10–12 and Thu 15–18 of two weeks.
    expect(read(english.request).timeSlots).toHaveLength(8);
    expect(read(english.clarification).timeSlots).toHaveLength(4);
    for (const language of availabilityLanguages) {
      const examples = emailExamples(language);
      for (const [text, same] of [
        [examples.request, english.request],
        [examples.clarification, english.clarification],
      ] as const) {
        const parsed = read(text);
        expect(parsed.language, text).toBe(language);
        expect(parsed.unparsed, text).toEqual([]);
        expect(parsed.timeSlots, text).toEqual(read(same).timeSlots);
      }
      expect(read(examples.zone).timezone, examples.zone).toBe('Europe/London');
    }
  });

  it('answers a reply in its language, with its days written that way', () => {
    const slots = [{ date: '2026-12-07', startTime: '09:00', endTime: '12:00' }];
    const german = confirmationEmail({
      name: 'Morgan Manager',
      timezone: 'Europe/Berlin',
      slots,
      released: 2,
      formUrl: 'https://parley.example/availability/abc',
      unparsed: [],
      language: 'de',
    });
    expect(german.subject).toBe('Ihre Interviewzeiten sind gespeichert');
    expect(german.body).toContain('    Mo. 7. Dez.: 09:00–12:00');
    expect(german.body).toContain('Die 2 wartenden Kandidaten haben einen Buchungslink erhalten.');
    expect(describeSlots(slots, 'es')).toEqual(['lun 7 dic: 09:00–12:00']);
    expect(describeSlots(slots, 'fr')).toEqual(['lun. 7 déc.: 09:00–12:00']);
    const portuguese = clarificationEmail({
      name: 'Morgan Manager',
      timezone: 'America/Sao_Paulo',
      formUrl: 'https://parley.example/availability/abc',
      language: 'pt',
    });
    expect(portuguese.subject).toBe('Quais horários funcionam para você?');
    expect(portuguese.body).toContain(
      '“terça das 10h às 12h e quinta depois das 15h” (America/Sao_Paulo)',
    );
  });

  it('takes the fallback language for a reply of numbers only, and the reply’s own otherwise', () => {
    const read = (text: string) =>
      parseAvailability({
        text,
        timezone: 'Europe/Madrid',
        referenceDate: '2026-12-07',
        fallbackLanguage: 'es',
      }).language;
    expect(read('9-12')).toBe('es');
    expect(read('Monday 9-12')).toBe('en');
  });
});
