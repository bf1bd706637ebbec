import { expectAccessible } from '../fixtures/axe';
import {
  createLink,
  dateIn,
  dateInDays,
  dayButton,
  expect,
  instantOf,
  loose,
  showMonthOf,
  test,
  timeIn,
} from '../fixtures/booking';

test.use({ timezoneId: 'Europe/Berlin' });

test('finds zones by city, country, abbreviation and offset, with friendly names', async ({
  page,
}) => {
  const link = await createLink();
  await page.goto(`/book/${link.token}`);
  const box = page.getByRole('combobox', { name: 'Time zone' });
  await expect(box).toHaveValue(/^Central European Time — Berlin \(\d{1,2}:\d\d\s?[AP]M\)$/);
  const list = page.getByRole('listbox', { name: 'Time zones' });
  const firstOption = list.getByRole('option').first();

  await box.click();
  await expect(list).toBeVisible();
  await expectAccessible(page, 'zone list open');
  for (const [query, zone] of [
    ['India', 'Asia/Kolkata'],
    ['Mumbai', 'Asia/Kolkata'],
    ['IST', 'Asia/Kolkata'],
    ['PST', 'America/Los_Angeles'],
    ['San Francisco', 'America/Los_Angeles'],
    ['CET', 'Europe/Berlin'],
    ['calcutta', 'Asia/Kolkata'],
    ['  new   york ', 'America/New_York'],
    ['são paulo', 'America/Sao_Paulo'],
  ] as const) {
    await box.fill(query);
    await expect(firstOption, query).toHaveAttribute('data-zone', zone);
  }
  // An offset finds the zones at it now; the friendly name says the local time there.
  await box.fill('GMT+9');
  await expect(firstOption).toHaveAttribute('data-zone', /^Asia\/(Tokyo|Seoul)$/);
  await expect(firstOption).toContainText(/\(\d{1,2}:\d\d\s?[AP]M\)/);
  await expect(firstOption).toContainText('GMT+09:00');
  // Nothing known: one clear line, not an empty box.
  await box.fill('Atlantis');
  await expect(list.getByRole('option')).toHaveText(['No matching time zone']);

  // Typing a space never breaks the search, and the keyboard picks.
  await box.fill('');
  await box.press('Space');
  await box.pressSequentially('mumbai');
  await expect(firstOption).toHaveAttribute('data-zone', 'Asia/Kolkata');
  await expect(firstOption).toContainText('India Standard Time — Kolkata');
  await expect(firstOption).toContainText('India');
  await box.press('Enter');
  await expect(list).toBeHidden();
  await expect(box).toHaveValue(/^India Standard Time — Kolkata \(/);
  // Canonical names everywhere: the page asks the API in Asia/Kolkata.
  await expect(box).toHaveAttribute('data-zone', 'Asia/Kolkata');
  await expect(page.locator('[data-zone*="Calcutta"]')).toHaveCount(0);
});

test('a chosen zone moves the times, and Escape closes the list without choosing', async ({
  page,
}) => {
  const day = dateInDays(3);
  const link = await createLink({ slots: [{ date: day, startTime: '09:00', endTime: '10:00' }] });
  const first = instantOf(day, '09:00');
  await page.goto(`/book/${link.token}`);
  const box = page.getByRole('combobox', { name: 'Time zone' });
  await box.click();
  await box.fill('kathmandu');
  const option = page.getByRole('option', { name: /Nepal Time — Kathmandu/ });
  await expect(option).toBeVisible();
  await option.click();
  await expect(box).toHaveValue(/^Nepal Time — Kathmandu \(/);

  const localDay = dateIn(first, 'Asia/Kathmandu');
  await showMonthOf(page, localDay);
  await dayButton(page, localDay).click();
  await expect(page.getByTestId('slot-list').getByRole('button').first()).toHaveText(
    loose(timeIn(first, 'Asia/Kathmandu')),
  );

  await box.click();
  await box.fill('tokyo');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox', { name: 'Time zones' })).toBeHidden();
  await expect(box).toHaveValue(/^Nepal Time — Kathmandu \(/);
});

test('after a reload, the booking is shown in the zone it was booked in', async ({ page }) => {
  const day = dateInDays(3);
  const link = await createLink({ slots: [{ date: day, startTime: '09:00', endTime: '10:00' }] });
  const first = instantOf(day, '09:00');
  await page.goto(`/book/${link.token}`);
  const box = page.getByRole('combobox', { name: 'Time zone' });
  await box.click();
  await box.fill('tokyo');
  await page.getByRole('option').first().click();
  const localDay = dateIn(first, 'Asia/Tokyo');
  await showMonthOf(page, localDay);
  await dayButton(page, localDay).click();
  await page.locator(`[data-start="${new Date(first).toISOString()}"]`).click();
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  const zone = page.getByTestId('booked-view').getByTestId('meeting-zone');
  await expect(zone).toHaveText('Japan Standard Time (Asia/Tokyo)');
  // The browser is in Berlin; the booking stays in Tokyo time.
  await page.reload();
  await expect(zone).toHaveText('Japan Standard Time (Asia/Tokyo)');
  await expect(page.getByTestId('booked-view').getByTestId('meeting-time')).toContainText(
    loose(timeIn(first, 'Asia/Tokyo').replace(/\s*[AP]M$/, '')),
  );
});
