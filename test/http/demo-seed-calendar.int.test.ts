import fs from 'node:fs';
import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import { afterAll, describe, expect, it } from 'vitest';
import { childApi, childDatabase, startChildApp } from '../support/child-app';

/**
 * A fresh start (DESIGN §6): the demo seed connects Jane Smith's development calendar, so the
 * calendar-connected example the server prints (and the README shows) works as pasted, and her
 * hand-typed busy hour is not offered. Email goes to an unreachable Resend here, so an invite's
 * email fails — and the API still answers with the link.
 */
describe('the demo seed and a calendar-connected request', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('books against Jane Smith’s development calendar, and an invite whose email fails still gives its link', async () => {
    const database = await childDatabase();
    cleanups.push(database.drop);
    const app = await startChildApp({
      ...database.env,
      PARLEY_DEMO_SEED: '1',
      RESEND_API_KEY: 're_test_key_for_the_failing_email',
      RESEND_BASE_URL: 'http://127.0.0.1:9',
    });
    cleanups.push(() => app.stop());
    const log = fs.readFileSync(app.logFile, 'utf8');
    const line = log.split('\n').find((l) => l.includes('/v1/scheduling/conversations'));
    expect(line, log.slice(-2000)).toBeDefined();
    const example = JSON.parse(/-d '(\{.*\})'$/.exec(line!.trim())![1]!) as Record<string, any>;
    expect(example.meetingParticipants).toEqual([
      {
        name: 'Jane Smith',
        email: 'jane.smith@example.com',
        isOrganizer: true,
        isCalendarConnected: true,
      },
    ]);
    expect(example.meetingConfiguration.videoConferencingProvider).toBe('Google Meet');

    const api = childApi(app);
    const people = await api.get('/v1/user-calendars');
    expect(people.status).toBe(200);
    const jane = people.body.data.find(
      (p: { email: string }) => p.email === 'jane.smith@example.com',
    );
    expect(jane.connection).toMatchObject({ provider: 'DEV', status: 'CONNECTED' });

    const created = await api.post('/v1/scheduling/conversations', example);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.meetingParticipants[0]).toMatchObject({ isCalendarConnected: true });
    expect(created.body.schedulingStatus).toBe('LINK_SENT');

    // Tomorrow's lunch hour (New York) is busy in her development calendar.
    const token = created.body.bookingUrl.split('/book/')[1];
    const zone = 'America/New_York';
    const tomorrow = formatInTimeZone(new Date(Date.now() + 86_400_000), zone, 'yyyy-MM-dd');
    const slots = await fetch(
      `${app.baseUrl}/v1/booking/${token}/slots?from=${tomorrow}&to=${tomorrow}&timezone=${zone}`,
    ).then((r) => r.json() as Promise<{ slots: { start: string; end: string }[] }>);
    const lunch = {
      start: fromZonedTime(`${tomorrow}T12:00:00`, zone).getTime(),
      end: fromZonedTime(`${tomorrow}T13:00:00`, zone).getTime(),
    };
    const overlapping = slots.slots.filter(
      (s) => Date.parse(s.start) < lunch.end && Date.parse(s.end) > lunch.start,
    );
    expect(overlapping).toEqual([]);
    const isWeekday = !['Sat', 'Sun'].includes(
      formatInTimeZone(new Date(lunch.start), zone, 'EEE'),
    );
    if (isWeekday) {
      expect(slots.slots.length).toBeGreaterThan(0);
      expect(slots.slots.some((s) => Date.parse(s.end) === lunch.start)).toBe(true);
    }

    const invite = await api.post('/v1/user-calendars/invite', {
      name: 'Mail Fails',
      email: 'mail.fails@example.com',
    });
    expect(invite.status, JSON.stringify(invite.body)).toBe(201);
    expect(invite.body.connectUrl).toMatch(/\/connect\/invite\//);
    const page = await fetch(invite.body.connectUrl.replace(/^https?:\/\/[^/]+/, app.baseUrl));
    expect(await page.text()).toContain('Mail Fails');
  }, 180_000);
});
