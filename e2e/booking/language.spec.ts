import { expectAccessible } from '../fixtures/axe';
import {
  bookingState,
  createLink,
  dateIn,
  dateInDays,
  dayButton,
  expect,
  instantOf,
  showMonthOf,
  test,
} from '../fixtures/booking';

test.use({ timezoneId: 'Europe/Berlin', locale: 'de-DE' });

test('a German campaign books in German: words, dates, weeks from Monday', async ({ page }) => {
  const day = dateInDays(3);
  const link = await createLink({
    slots: [{ date: day, startTime: '09:00', endTime: '11:00' }],
    campaign: { language: 'de' },
  });
  const nine = instantOf(day, '09:00');
  const localDay = dateIn(nine, 'Europe/Berlin');

  await page.goto(`/book/${link.token}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Backend Engineer bei Acme Robotics',
  );
  await expect(page.getByRole('combobox', { name: 'Zeitzone' })).toHaveValue(
    /^Mitteleuropäische Zeit — Berlin \(\d\d:\d\d\)$/,
  );
  // Weeks start on Monday, with German day names.
  const headers = page.getByRole('columnheader');
  await expect(headers.first()).toHaveText('Mo');
  await expect(headers.last()).toHaveText('So');
  const month = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric' }).format(
    Date.parse(`${localDay}T12:00:00Z`),
  );
  await showMonthOf(page, localDay);
  await expect(page.locator('[data-month]')).toHaveText(month);
  await expectAccessible(page, 'German page');

  await dayButton(page, localDay).click();
  // 24-hour times, as German speakers write them.
  await expect(page.getByTestId('slot-list').getByRole('button').first()).toHaveText(
    new Intl.DateTimeFormat('de-DE', {
      timeZone: 'Europe/Berlin',
      hour: '2-digit',
      minute: '2-digit',
    }).format(nine),
  );
  await page.getByTestId('slot-list').getByRole('button').first().click();
  const confirm = page.getByTestId('confirm-step');
  await expect(confirm.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(confirm.getByTestId('meeting-date')).toHaveText(
    new Intl.DateTimeFormat('de-DE', {
      timeZone: 'Europe/Berlin',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(nine),
  );
  await confirm.getByRole('button').first().click();
  await expect(page.getByTestId('booked-view')).toBeVisible();
  await expect(page.getByTestId('booked-view').getByRole('heading', { level: 2 })).not.toHaveText(
    /booked/i,
  );
  expect((await bookingState(link.token)).meeting.startDateTime).toBe(new Date(nine).toISOString());
});
