import { describe, expect, it } from 'vitest';
import { agentReply, formatStart } from './agent-replies';
import { replyLanguages } from './reply-words';

const tuesday2pm = Date.UTC(2026, 11, 8, 19, 0);
const base = {
  channel: 'SMS' as const,
  firstName: 'Casey',
  zone: 'America/New_York',
  bookingUrl: 'https://parley.example/book/abc',
  company: 'Acme',
};

describe('agentReply', () => {
  it('numbers a proposal in the candidate’s zone and language', () => {
    const en = agentReply({
      ...base,
      language: 'en',
      message: { kind: 'PROPOSAL', starts: [tuesday2pm, tuesday2pm + 3_600_000] },
    });
    expect(en.body).toBe(
      'Here are times that are open:\n1. Tuesday, December 8 at 2:00 PM EST\n2. Tuesday, December 8 at 3:00 PM EST\nReply with the number of the one you want.',
    );
    const de = agentReply({
      ...base,
      language: 'de',
      zone: 'Europe/Berlin',
      message: { kind: 'PROPOSAL', starts: [tuesday2pm] },
    });
    expect(de.body).toContain('1. Dienstag, 8. Dezember um 20:00 MEZ');
  });

  it('writes every message kind in every language, with the link where it needs one', () => {
    const kinds = [
      { kind: 'NO_TIMES' },
      { kind: 'MORE_TIME_ACKNOWLEDGED' },
      { kind: 'CONFIRM_CANCEL' },
      { kind: 'CANCELLED' },
      { kind: 'KEPT' },
      { kind: 'CLARIFY' },
      { kind: 'HOLDING' },
      { kind: 'NUDGE', number: 1 },
      { kind: 'BOOKING_LINK' },
      { kind: 'BOOKED', start: tuesday2pm },
      { kind: 'MOVED', start: tuesday2pm },
      { kind: 'OPT_OUT_CONFIRMATION' },
    ] as const;
    for (const language of replyLanguages) {
      const bodies = kinds.map((message) => agentReply({ ...base, language, message }).body);
      expect(new Set(bodies).size).toBe(kinds.length);
      for (const body of bodies) expect(body.length).toBeGreaterThan(10);
      expect(
        agentReply({ ...base, language, message: { kind: 'NUDGE', number: 1 } }).body,
      ).toContain(base.bookingUrl);
    }
  });

  it('leaves the link out of a regular conversation’s nudge, and gives email a subject', () => {
    const nudge = agentReply({
      ...base,
      language: 'en',
      bookingUrl: null,
      message: { kind: 'NUDGE', number: 1 },
    });
    expect(nudge.body).toBe('Hi Casey, just checking in: reply whenever you have a moment.');
    expect(nudge.subject).toBeNull();
    const email = agentReply({
      ...base,
      channel: 'EMAIL',
      language: 'fr',
      message: { kind: 'KEPT' },
    });
    expect(email.subject).toBe('Votre entretien avec Acme');
  });

  it('formats a start in the zone, across a clock change', () => {
    expect(formatStart(Date.UTC(2027, 2, 15, 13, 0), 'en', 'America/New_York')).toBe(
      'Monday, March 15 at 9:00 AM EDT',
    );
  });
});
