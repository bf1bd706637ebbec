import { expectAccessible } from '../fixtures/axe';
import {
  api,
  createLink,
  dateInDays,
  expect,
  instantOf,
  MEETING_ZONE,
  test,
  uniqueEmail,
} from '../fixtures/booking';

test('an unknown link gets the 404 page, centred at every width', async ({ page }) => {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const response = await page.goto('/book/this-link-does-not-exist-1234567890');
    expect(response?.status()).toBe(404);
    const heading = page.getByRole('heading', { name: 'Booking link not found' });
    await expect(heading).toBeVisible();
    await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute('content', /noindex/);
    // One column: the text is not squeezed into the summary column of the two-column card.
    const card = (await page.getByTestId('booking-not-found').boundingBox())!;
    expect(card.width).toBeGreaterThan(Math.min(width, 640) - 60);
    const center = card.x + card.width / 2;
    expect(Math.abs(center - width / 2)).toBeLessThan(24);
    await expectAccessible(page, `not found at ${width} px`);
  }
});

test.describe('in a browser set to Spanish', () => {
  test.use({ locale: 'es-MX' });

  test("an unknown link speaks the browser's language", async ({ page }) => {
    const response = await page.goto('/book/this-link-does-not-exist-1234567890');
    expect(response?.status()).toBe(404);
    await expect(
      page.getByRole('heading', { name: 'Enlace de reserva no encontrado' }),
    ).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page).toHaveTitle('Enlace de reserva no encontrado');
  });
});

test('a closed link says so and offers no times', async ({ page }) => {
  const link = await createLink();
  expect((await api('POST', `/v1/conversations/${link.conversationId}/close`)).status).toBe(200);
  await page.goto(`/book/${link.token}`);
  await expect(page.getByRole('heading', { name: 'This booking link is closed' })).toBeVisible();
  await expect(page.getByRole('grid')).toHaveCount(0);
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expectAccessible(page, 'closed');
});

test("a meeting the organizer cancelled is shown as cancelled, without the recruiter's note", async ({
  page,
}) => {
  const day = dateInDays(3);
  const link = await createLink();
  const booked = await api('POST', `/v1/booking/${link.token}`, {
    start: new Date(instantOf(day, '10:00')).toISOString(),
  });
  expect(booked.status).toBe(201);
  const cancelled = await api('POST', `/v1/meetings/${booked.body.meeting.id}/cancel`, {
    reason: 'Internal: failed the background check',
  });
  expect(cancelled.status).toBe(200);
  await page.goto(`/book/${link.token}`);
  await expect(page.getByRole('heading', { name: 'This interview was cancelled' })).toBeVisible();
  await expect(page.getByTestId('booking-organizer-cancelled')).toContainText(
    'Ivy Interviewer cancelled this interview',
  );
  expect(await page.content()).not.toContain('background check');
  await expect(page.getByRole('button', { name: /Reschedule|Pick a new time/ })).toHaveCount(0);
  await expectAccessible(page, 'organizer cancelled');
});

test('nothing to offer is one clear state: no calendar, no zone picker', async ({ page }) => {
  // The interviewer is free only on a Sunday; the open hours are weekdays.
  const sunday = [...Array(14).keys()]
    .map((d) => dateInDays(d + 2))
    .find((date) => new Date(`${date}T12:00:00Z`).getUTCDay() === 0)!;
  const link = await createLink({
    slots: [{ date: sunday, startTime: '09:00', endTime: '12:00' }],
    configuration: { openHours: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }] },
  });
  expect(link.body.schedulingStatus).toBe('NO_AVAILABILITY');
  await page.goto(`/book/${link.token}`);
  const state = page.getByTestId('booking-no-times');
  await expect(state.getByRole('heading', { name: 'No open times right now' })).toBeVisible();
  await expect(page.getByRole('grid')).toHaveCount(0);
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  await expectAccessible(page, 'no times');
});

test('while the interviewers share their availability, the page says so', async ({ page }) => {
  const link = await createLink({
    participants: [
      {
        name: 'Hiring Manager',
        email: uniqueEmail('hm'),
        isOrganizer: true,
        availability: undefined,
        autoCollectAvailability: true,
      },
    ],
  });
  expect(link.body.schedulingStatus).toBe('AWAITING_AVAILABILITY');
  await page.goto(`/book/${link.token}`);
  await expect(page.getByRole('heading', { name: 'Times are on their way' })).toBeVisible();
  await expect(page.getByRole('grid')).toHaveCount(0);
  await expectAccessible(page, 'awaiting availability');
});

test('open times that cannot be loaded are one clear error, with a way to retry', async ({
  page,
}) => {
  // A long horizon: months beyond the page's own first weeks are fetched.
  const link = await createLink({
    slots: [70, 71].map((d) => ({ date: dateInDays(d), startTime: '09:00', endTime: '12:00' })),
    configuration: { bookingHorizonDays: 90 },
  });
  let failing = true;
  await page.route('**/v1/booking/*/slots*', (route) =>
    failing ? route.abort('connectionrefused') : route.continue(),
  );
  await page.goto(`/book/${link.token}`);
  const error = page.getByTestId('times-error');
  for (let i = 0; i < 4 && !(await error.isVisible()); i++) {
    const next = page.getByRole('button', { name: 'Next month' });
    if (
      (await next.getAttribute('aria-disabled', { timeout: 2_000 }).catch(() => 'gone')) !== 'false'
    )
      break;
    // The error can replace the calendar between the check and the click: a click that finds no
    // button is the error arriving, which the expectation below asserts.
    await next.click({ timeout: 2_000 }).catch(() => undefined);
    await page.waitForTimeout(300);
  }
  await expect(error).toBeVisible();
  await expect(
    error.getByRole('heading', { name: 'The open times could not be loaded' }),
  ).toBeVisible();
  // No calendar that claims there is nothing to book beside it.
  await expect(page.getByRole('grid')).toHaveCount(0);
  await expect(page.getByText('No open times')).toHaveCount(0);
  await expectAccessible(page, 'times error');
  failing = false;
  await error.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('grid')).toHaveAttribute('data-state', 'ready');
});

test('a panel names every interviewer, and the page carries none of their addresses', async ({
  page,
}) => {
  const people = [
    { name: 'Jordan Lee', email: uniqueEmail('jordan'), isOrganizer: true },
    { name: 'Priya Shah', email: uniqueEmail('priya'), isOrganizer: false },
    { name: 'Sam Ortiz', email: uniqueEmail('sam'), isOrganizer: false },
  ];
  const link = await createLink({ participants: people });
  const response = await page.goto(`/book/${link.token}`);
  await expect(page.getByTestId('interviewers')).toHaveText(
    'with Jordan Lee, Priya Shah, and Sam Ortiz',
  );
  const html = await response!.text();
  for (const person of people) expect(html).not.toContain(person.email);
  expect(html).not.toContain('@example.com');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, timezoneId: 'Asia/Tokyo' });

  test('the page still shows its open days in the meeting zone, and says what to do', async ({
    page,
  }) => {
    const link = await createLink();
    await page.goto(`/book/${link.token}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Backend Engineer at Acme Robotics',
    );
    // Not "detecting your time zone…": the meeting's zone, by name.
    await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue(
      /^Eastern Time — New York \(/,
    );
    await expect(page.locator('button[data-date][aria-disabled="false"]').first()).toBeVisible();
    await expect(page.getByTestId('no-script')).toContainText('Turn on JavaScript to pick a time');
    await expect(page.getByTestId('no-script')).toBeVisible();
    expect(MEETING_ZONE).toBe('America/New_York');
  });
});

test('the development video room of a booked meeting opens, and says what it is', async ({
  page,
}) => {
  const link = await createLink();
  const booked = await api('POST', `/v1/booking/${link.token}`, {
    start: new Date(instantOf(dateInDays(3), '11:00')).toISOString(),
  });
  expect(booked.status).toBe(201);
  const url = booked.body.meeting.meetingUrl as string;
  expect(url).toContain(`/dev/video/${booked.body.meeting.id}`);
  expect(booked.body.meeting.isDevelopmentVideoRoom).toBe(true);
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Development video room' })).toBeVisible();
  await expect(page.getByTestId('meeting-id')).toHaveText(booked.body.meeting.id);
});
