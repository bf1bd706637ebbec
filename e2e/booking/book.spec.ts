import { expectAccessible } from '../fixtures/axe';
import {
  bookingState,
  createLink,
  dateIn,
  dateInDays,
  dayButton,
  expect,
  icsUtc,
  instantOf,
  longDateIn,
  loose,
  showMonthOf,
  test,
  timeIn,
} from '../fixtures/booking';

const CANDIDATE_ZONE = 'Asia/Kolkata';

test.use({ timezoneId: CANDIDATE_ZONE });

test('a candidate in Kolkata books a New York meeting, then reschedules and cancels it', async ({
  page,
}) => {
  const day = dateInDays(3);
  const nextDay = dateInDays(4);
  const link = await createLink({
    slots: [
      { date: day, startTime: '09:00', endTime: '12:00' },
      { date: nextDay, startTime: '09:00', endTime: '12:00' },
    ],
  });
  const first = instantOf(day, '09:00');
  const second = instantOf(day, '09:30');
  const localDay = dateIn(first, CANDIDATE_ZONE);

  await page.goto(`/book/${link.token}`);
  // Written from the candidate's side: the role and company, then the interviewers' title.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Backend Engineer at Acme Robotics',
  );
  const summary = page.locator('section[aria-labelledby="booking-title"]');
  await expect(summary).toContainText('Interview with Casey Candidate for Backend Engineer');
  await expect(summary).toContainText('30 min');
  await expect(summary).toContainText('Development video room');
  await expect(summary).toContainText('Stands in for Google Meet');
  await expect(summary).toContainText('with Ivy Interviewer');
  await expect(summary).toContainText('Bring questions!');
  // The browser's zone is the default, by its friendly name and the time there.
  await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue(
    /^India Standard Time — Kolkata \(\d{1,2}:\d\d\s?[AP]M\)$/,
  );

  await showMonthOf(page, localDay);
  await expect(dayButton(page, localDay)).toHaveAttribute('aria-label', /6 open times/);
  // Only the two days with free time stand out; the others are disabled.
  const openDays = [localDay, dateIn(instantOf(nextDay, '09:00'), CANDIDATE_ZONE)].filter(
    (d) => d.slice(0, 7) === localDay.slice(0, 7),
  );
  await expect(page.locator('button[data-date][aria-disabled="false"]')).toHaveCount(
    openDays.length,
  );
  await dayButton(page, localDay).click();

  // New York 09:00–12:00 is evening in Kolkata (10.5 h or 9.5 h ahead), all on the same date.
  const slots = page.getByTestId('slot-list').getByRole('button');
  await expect(slots).toHaveCount(6);
  await expect(page.getByTestId('slot-count')).toHaveText('6 open times');
  await expect(slots.first()).toHaveText(loose(timeIn(first, CANDIDATE_ZONE)));
  await expect(page.getByRole('status')).toHaveText(/6 open times on/);

  await page.getByRole('button', { name: '24-hour clock' }).click();
  await expect(slots.first()).toHaveText(timeIn(first, CANDIDATE_ZONE, false));
  await page.getByRole('button', { name: '12-hour clock' }).click();

  await page.locator(`[data-start="${new Date(second).toISOString()}"]`).click();
  const confirm = page.getByTestId('confirm-step');
  await expect(confirm.getByRole('heading', { name: 'Confirm your interview' })).toBeFocused();
  await expect(page).toHaveURL(/\?start=/);
  await expect(confirm.getByTestId('meeting-date')).toHaveText(longDateIn(second, CANDIDATE_ZONE));
  await expect(confirm.getByTestId('meeting-time')).toContainText(
    loose(timeIn(second, CANDIDATE_ZONE).replace(/\s*[AP]M$/, '')),
  );
  await expect(confirm.getByTestId('meeting-zone')).toHaveText(
    'India Standard Time (Asia/Kolkata)',
  );
  await confirm.getByRole('button', { name: 'Confirm booking' }).click();

  const booked = page.getByTestId('booked-view');
  await expect(booked.getByRole('heading', { name: 'You’re booked' })).toBeVisible();
  await expect(page).not.toHaveURL(/\?/);
  await expect(booked.getByTestId('meeting-date')).toHaveText(longDateIn(second, CANDIDATE_ZONE));
  await expect(booked.getByTestId('meeting-time')).toContainText(
    loose(timeIn(second + 30 * 60_000, CANDIDATE_ZONE)),
  );
  let state = await bookingState(link.token);
  expect(state.meeting).toMatchObject({
    status: 'SCHEDULED',
    startDateTime: new Date(second).toISOString(),
  });
  expect(state.candidateTimezone).toBe(CANDIDATE_ZONE);

  // Add to calendar: an ICS download with the meeting's times and a Google Calendar link.
  const google = await booked.getByRole('link', { name: /Google Calendar/ }).getAttribute('href');
  expect(google).toContain(`dates=${icsUtc(second)}/${icsUtc(second + 30 * 60_000)}`);
  const icsHref = await booked.getByRole('link', { name: /\.ics/ }).getAttribute('href');
  const ics = await page.request.get(icsHref!);
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const icsText = await ics.text();
  expect(icsText).toContain(`DTSTART:${icsUtc(second)}`);
  expect(icsText).toContain(`UID:${state.meeting.id}@parley`);
  // The link leads to the development room, and the page says it is one.
  await expect(booked.getByTestId('meeting-place')).toContainText('Development video room');
  await expect(
    booked.getByRole('link', { name: /Open the development video room/ }),
  ).toHaveAttribute('href', state.meeting.meetingUrl);

  // The link now shows the booking.
  await page.reload();
  await expect(booked.getByRole('heading', { name: 'Your interview is booked' })).toBeVisible();
  await expect(booked.getByTestId('meeting-time')).toContainText(
    loose(timeIn(second, CANDIDATE_ZONE).replace(/\s*[AP]M$/, '')),
  );

  // Reschedule to the first time of the next day (the view opens on the booked day).
  await booked.getByRole('button', { name: 'Reschedule' }).click();
  await expect(page.getByRole('heading', { name: 'Pick a new time' })).toBeFocused();
  await expect(page.getByTestId('pick-view')).toContainText(
    `Currently booked for ${longDateIn(second, CANDIDATE_ZONE)}`,
  );
  await expect(page.locator(`[data-start="${new Date(second).toISOString()}"]`)).toBeDisabled();
  const moved = instantOf(nextDay, '09:00');
  await showMonthOf(page, dateIn(moved, CANDIDATE_ZONE));
  await dayButton(page, dateIn(moved, CANDIDATE_ZONE)).click();
  await page.locator(`[data-start="${new Date(moved).toISOString()}"]`).click();
  await expect(confirm).toContainText('Moving from');
  await confirm.getByRole('button', { name: 'Confirm new time' }).click();
  await expect(booked.getByRole('heading', { name: 'Your interview was moved' })).toBeVisible();
  await expect(booked.getByTestId('meeting-date')).toHaveText(longDateIn(moved, CANDIDATE_ZONE));
  await expect(page).not.toHaveURL(/\?/);
  state = await bookingState(link.token);
  expect(state.meeting).toMatchObject({
    status: 'SCHEDULED',
    startDateTime: new Date(moved).toISOString(),
  });

  // Cancel, with a reason.
  await booked.getByRole('button', { name: 'Cancel interview' }).click();
  const cancel = page.getByTestId('cancel-step');
  await expect(cancel.getByRole('heading', { name: 'Cancel your interview?' })).toBeFocused();
  await cancel.getByLabel('Reason for cancelling (optional)').fill('I accepted another offer');
  await cancel.getByRole('button', { name: 'Cancel interview' }).click();
  await expect(page.getByRole('heading', { name: 'Your interview is cancelled' })).toBeVisible();
  await expectAccessible(page, 'cancelled');
  state = await bookingState(link.token);
  expect(state.meeting).toMatchObject({ status: 'CANCELLED', cancelledBy: 'CANDIDATE' });
  expect(state.canBook).toBe(true);

  // A candidate who cancelled can pick a new time through the same link.
  await page.reload();
  await expect(page.getByTestId('pick-notice')).toContainText(
    'You cancelled your previous interview',
  );
  await expect(page.getByRole('grid')).toHaveAttribute('data-state', 'ready');
});

for (const zone of ['Asia/Kolkata', 'America/Los_Angeles']) {
  test.describe(`a candidate in ${zone}`, () => {
    test.use({ timezoneId: zone });

    test('sees exactly the instants of the slots API, on the dates of their zone', async ({
      page,
    }) => {
      const link = await createLink({
        slots: [3, 4, 5].map((d) => ({
          date: dateInDays(d),
          startTime: '07:30',
          endTime: '17:00',
        })),
      });
      const api = await (
        await page.request.get(`/v1/booking/${link.token}/slots?timezone=${zone}`)
      ).json();
      expect(api.timezone).toBe(zone);
      const byDay = new Map<string, string[]>();
      for (const slot of api.slots as { start: string }[]) {
        const date = dateIn(Date.parse(slot.start), zone);
        byDay.set(date, [...(byDay.get(date) ?? []), slot.start]);
      }
      expect(byDay.size).toBeGreaterThanOrEqual(3);

      await page.goto(`/book/${link.token}`);
      for (const [date, starts] of byDay) {
        await showMonthOf(page, date);
        await dayButton(page, date).click();
        const shown = await page
          .getByTestId('slot-list')
          .locator('[data-start]')
          .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-start')));
        expect(shown, date).toEqual(starts);
        // The label of each is its wall-clock time in the candidate's zone.
        await expect(page.getByTestId('slot-list').getByRole('button').first()).toHaveText(
          loose(timeIn(Date.parse(starts[0]!), zone)),
        );
      }
    });
  });
}
