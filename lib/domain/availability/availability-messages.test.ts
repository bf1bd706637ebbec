import { describe, expect, it } from 'vitest';
import { describeSavedAt, describeSlots, requestEmail } from './availability-messages';

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
});
