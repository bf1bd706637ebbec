import { describe, expect, it } from 'vitest';
import { bookingLinkReminder, openingMessage, type OpeningInput } from './opening-message';

const base: OpeningInput = {
  channel: 'SMS',
  tone: 'FRIENDLY',
  firstName: 'Jamie',
  agentName: 'Ava',
  company: 'Acme',
  position: 'Backend Engineer',
  bookingUrl: 'https://parley.example/book/abc',
  isCollectingAvailability: false,
  closing: { method: 'CALENDAR_MEETING_INTEGRATION' },
  questions: [],
};

describe('openingMessage', () => {
  it('greets, introduces and sends the booking link by text, with the opt-out', () => {
    const { subject, body } = openingMessage(base);
    expect(subject).toBeNull();
    expect(body).toBe(
      "Hi Jamie! This is Ava from Acme about the Backend Engineer role. Let's find a time for your interview — pick one that suits you: https://parley.example/book/abc Reply STOP to opt out.",
    );
  });

  it('writes an email with a subject and a signature, in the campaign tone', () => {
    const { subject, body } = openingMessage({ ...base, channel: 'EMAIL', tone: 'PROFESSIONAL' });
    expect(subject).toBe('Your interview with Acme');
    expect(body.split('\n\n')).toEqual([
      'Hello Jamie,',
      'This is Ava from Acme about the Backend Engineer role.',
      'Please choose a time for your interview here: https://parley.example/book/abc',
      'Ava',
    ]);
  });

  it('reads well without agent name, company or position', () => {
    const { body } = openingMessage({
      ...base,
      agentName: null,
      company: null,
      position: null,
      tone: 'CASUAL',
    });
    expect(body).toBe(
      "Hey Jamie! We're reaching out. Grab a time that works for you: https://parley.example/book/abc Reply STOP to opt out.",
    );
  });

  it('promises times while availability is being collected', () => {
    expect(openingMessage({ ...base, isCollectingAvailability: true }).body).toContain(
      'send you times',
    );
  });

  it('asks the first screening question, or closes as the campaign says, without a booking link', () => {
    expect(
      openingMessage({ ...base, bookingUrl: null, questions: ['Do you have a forklift licence?'] })
        .body,
    ).toContain('Do you have a forklift licence?');
    expect(
      openingMessage({
        ...base,
        bookingUrl: null,
        closing: { method: 'PHONE_NUMBER', contactNumber: '+14155550100' },
      }).body,
    ).toContain('call at +14155550100');
    expect(
      openingMessage({
        ...base,
        bookingUrl: null,
        closing: { method: 'CUSTOM', customMessage: 'We will call you.' },
      }).body,
    ).toContain('We will call you.');
    expect(
      openingMessage({
        ...base,
        bookingUrl: null,
        closing: { method: 'MEETING_URL', meetingUrl: 'https://x.example/m' },
      }).body,
    ).toContain('https://x.example/m');
  });

  it('writes in the campaign language, keeping STOP for carriers', () => {
    expect(openingMessage({ ...base, language: 'es' }).body).toBe(
      '¡Hola Jamie! Soy Ava de Acme por el puesto de Backend Engineer. Busquemos una hora para tu entrevista; elige la que mejor te venga: https://parley.example/book/abc Responde STOP para no recibir más mensajes.',
    );
    const de = openingMessage({ ...base, language: 'de', channel: 'EMAIL', tone: 'PROFESSIONAL' });
    expect(de.subject).toBe('Ihr Gespräch mit Acme');
    expect(de.body.split('\n\n')[0]).toBe('Guten Tag Jamie,');
    for (const language of ['fr', 'pt'] as const) {
      const { body } = openingMessage({ ...base, language });
      expect(body).toContain('STOP');
      expect(body).toContain(base.bookingUrl!);
      expect(body).not.toContain('Reply STOP');
    }
  });
});

describe('bookingLinkReminder', () => {
  const reminder = {
    channel: 'SMS' as const,
    tone: 'FRIENDLY' as const,
    firstName: 'Jamie',
    agentName: 'Ava',
    company: 'Acme',
    bookingUrl: 'https://parley.example/book/abc',
  };

  it('sends the same link by text with the opt-out, and by email with a subject and signature', () => {
    expect(bookingLinkReminder(reminder)).toEqual({
      subject: null,
      body: 'Hi Jamie! Here is your booking link again, pick a time that suits you: https://parley.example/book/abc Reply STOP to opt out.',
    });
    const email = bookingLinkReminder({ ...reminder, channel: 'EMAIL', tone: 'PROFESSIONAL' });
    expect(email.subject).toBe('Your interview with Acme: choose a time');
    expect(email.body.split('\n\n')).toEqual([
      'Hello Jamie,',
      'Here is your link again to choose a time for your interview: https://parley.example/book/abc',
      'Ava',
    ]);
  });

  it('writes in the campaign language, keeping STOP for carriers', () => {
    expect(bookingLinkReminder({ ...reminder, language: 'fr', tone: 'PROFESSIONAL' }).body).toBe(
      'Bonjour Jamie, Voici de nouveau votre lien pour choisir le créneau de votre entretien : https://parley.example/book/abc Répondez STOP pour ne plus recevoir de messages.',
    );
    const pt = bookingLinkReminder({
      ...reminder,
      language: 'pt',
      channel: 'EMAIL',
      agentName: null,
    });
    expect(pt.subject).toBe('Sua entrevista com a Acme: escolha um horário');
    expect(pt.body.endsWith('\n\nAcme')).toBe(true);
    for (const language of ['es', 'de'] as const) {
      const { body } = bookingLinkReminder({ ...reminder, language });
      expect(body).toContain(reminder.bookingUrl);
      expect(body).toContain('STOP');
      expect(body).not.toContain('Here is your');
    }
  });
});
