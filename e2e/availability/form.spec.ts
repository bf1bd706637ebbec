import { expectAccessible } from '../fixtures/axe';
import { api, createLink, expect, test, uniqueEmail } from '../fixtures/booking';

/**
 * The availability form (DESIGN §8): a hiring manager with a waiting candidate marks free times on
 * the week grid (mouse, keyboard) or types them, saves, and the candidate's link opens.
 */
async function waitingManager(campaign?: Record<string, unknown>) {
  const email = uniqueEmail('morgan');
  const link = await createLink({
    campaign,
    participants: [
      {
        name: 'Morgan Manager',
        email,
        isOrganizer: true,
        availability: undefined,
        autoCollectAvailability: true,
      },
    ],
  });
  // The conversation starts (a job) and opens the person's request.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const list = await api('GET', '/v1/user-calendars?limit=100');
    const calendar = list.body.data.find((c: { email: string }) => c.email === email);
    if (calendar?.availabilityRequest?.formUrl)
      return { link, calendar, path: new URL(calendar.availabilityRequest.formUrl).pathname };
    if (Date.now() > deadline) throw new Error('no availability request');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// A browser clock unlike the server's: what the server renders must still match the hydration.
test.use({ timezoneId: 'Asia/Tokyo' });

test('a manager types and paints their times, saves, and the candidate can book', async ({
  page,
}) => {
  const { link, calendar, path } = await waitingManager();
  // React reports a hydration mismatch (server HTML ≠ the browser's first render) as a console error.
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'When are you free, Morgan?' })).toBeVisible();
  await expect(
    page.getByText('A candidate is waiting to book an interview with you.'),
  ).toBeVisible();
  // Nothing about anyone else: not the candidate's name or address.
  const text = await page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('select').forEach((select) => select.remove());
    return copy.textContent ?? '';
  });
  expect(text).not.toContain(link.body.emailAddress);
  expect(text).not.toContain('Casey');
  await expectAccessible(page, 'availability form');

  await page.getByLabel('As you would in an email').fill('Tomorrow 9-11');
  await page.getByRole('button', { name: 'Mark these on the grid' }).click();
  await expect(page.getByRole('status')).toContainText('Marked on the grid');
  const pressed = page.locator('button[aria-pressed="true"]');
  await expect(pressed).toHaveCount(4);

  // The keyboard: focus the first marked cell, go down twice past the range and mark 11:00–11:30.
  await pressed.first().focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(pressed).toHaveCount(5);
  await expect(page.getByRole('main').getByRole('listitem')).toHaveText([/09:00–11:30$/]);

  await page.screenshot({ path: test.info().outputPath('form-1280.png'), fullPage: true });
  await page.getByRole('button', { name: 'Save my times' }).click();
  await expect(page.getByRole('status')).toContainText(
    'The waiting candidate has been sent a booking link.',
  );
  const saved = await api('GET', `/v1/user-calendars/${calendar.id}`);
  expect(saved.body.availability.timeSlots).toHaveLength(1);
  expect(saved.body.availability.timeSlots[0]).toMatchObject({
    startTime: '09:00',
    endTime: '11:30',
  });
  const conversation = await api('GET', `/v1/conversations/${link.conversationId}`);
  expect(conversation.body.schedulingStatus).toBe('LINK_SENT');

  // After a reload, the saved times are on the grid, and when they were saved reads on the
  // person's clock, the same in the server's HTML and in the browser.
  await page.reload();
  await expect(page.locator('button[aria-pressed="true"]')).toHaveCount(5);
  await expect(
    page.getByText(/^Last saved \w{3} \d{1,2} \w{3}, \d\d:\d\d \(.+ time\)\.$/),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Your times \(.+ time\)$/ })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the form fits a phone and paints with taps', async ({ page }) => {
  const { path } = await waitingManager();
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(path);
  const cells = page.locator('button[data-cell]');
  await cells.nth(10).click();
  await cells.nth(11).click();
  await expect(page.locator('button[aria-pressed="true"]')).toHaveCount(2);
  await cells.nth(11).click();
  await expect(page.locator('button[aria-pressed="true"]')).toHaveCount(1);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await page.getByRole('button', { name: 'Next week →' }).click();
  await expect(page.getByRole('heading', { name: 'Next week' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('form-360.png'), fullPage: true });
  await expectAccessible(page, 'availability form at 360 px');
});

test('speaks the waiting campaign’s language, at 360 px too', async ({ page }) => {
  const { path } = await waitingManager({ language: 'es' });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(path);
  await expect(page).toHaveTitle(/Sus horarios de entrevista/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { name: '¿Cuándo está libre, Morgan?' })).toBeVisible();
  await expect(
    page.getByText('Un candidato espera para reservar una entrevista con usted.'),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Esta semana' })).toBeVisible();
  // Days as Spanish writes them: "lun 7 dic".
  await expect(page.getByRole('columnheader').nth(1)).toHaveText(/^[a-zé]{3} \d{1,2} [a-z]{3}$/);

  await page.getByLabel('Como en un correo').fill('mañana de 9 a 11');
  await page.getByRole('button', { name: 'Marcarlos en la cuadrícula' }).click();
  await expect(page.getByRole('status')).toContainText('Marcados en la cuadrícula');
  await expect(page.locator('button[aria-pressed="true"]')).toHaveCount(4);
  await page.getByRole('button', { name: 'Guardar mis horarios' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Guardado. El candidato en espera ha recibido un enlace de reserva.',
  );
  await page.reload();
  await expect(page.getByText(/^Guardado por última vez el /)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('form-es-360.png'), fullPage: true });
  await expectAccessible(page, 'availability form in Spanish at 360 px');
  expect(consoleErrors).toEqual([]);
});

test('an unknown link is a 404', async ({ page }) => {
  const response = await page.goto(`/availability/${'0'.repeat(32)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('in a browser set to German', () => {
  test.use({ locale: 'de-DE' });

  test('an unknown link is a 404 in German', async ({ page }) => {
    const response = await page.goto(`/availability/${'0'.repeat(32)}`);
    expect(response?.status()).toBe(404);
    await expect(
      page.getByRole('heading', { name: 'Dieser Link funktioniert nicht' }),
    ).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page).toHaveTitle('Dieser Link funktioniert nicht');
  });
});
