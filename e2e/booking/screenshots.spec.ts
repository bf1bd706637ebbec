import type { Page } from '@playwright/test';
import { expectAccessible } from '../fixtures/axe';
import {
  api,
  createLink,
  dateIn,
  dateInDays,
  dayButton,
  expect,
  instantOf,
  saveScreenshot,
  showMonthOf,
  test,
} from '../fixtures/booking';

const CANDIDATE_ZONE = 'Europe/Berlin';

test.use({ timezoneId: CANDIDATE_ZONE });

const fitsSideways = async (page: Page, width: number) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    width,
  );

for (const width of [360, 1280]) {
  test(`the whole flow at ${width} px: fits, does not shift, accessible, screenshots`, async ({
    page,
  }, testInfo) => {
    const isPhone = width < 600;
    await page.setViewportSize({ width, height: isPhone ? 780 : 820 });
    await page.addInitScript(() => {
      (window as any).__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as any[])
          if (!entry.hadRecentInput) (window as any).__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const day = dateInDays(3);
    const link = await createLink({
      slots: [
        { date: day, startTime: '08:00', endTime: '16:00' },
        { date: dateInDays(4), startTime: '10:00', endTime: '12:00' },
        { date: dateInDays(6), startTime: '09:00', endTime: '17:00' },
      ],
    });
    const localDay = dateIn(instantOf(day, '09:00'), CANDIDATE_ZONE);

    await page.goto(`/book/${link.token}`);
    await showMonthOf(page, localDay);
    // The open days are in the page's first HTML: showing them moves nothing.
    expect(await page.evaluate(() => (window as any).__shift as number)).toBeLessThan(0.01);
    await expectAccessible(page, `calendar at ${width} px`);
    await saveScreenshot(page, testInfo, `booking-${width}-1-calendar`);

    await dayButton(page, localDay).click();
    const times = page.getByTestId('slot-list').getByRole('button');
    await expect(times).toHaveCount(16);
    await expect(page.getByTestId('slot-count')).toHaveText('16 open times');
    if (isPhone) {
      // On a phone every time is listed below the calendar, and they were scrolled into view.
      await expect(page.getByTestId('slot-list')).toBeInViewport();
      await expect(page.getByTestId('more-times')).toBeHidden();
    } else {
      // Beside the calendar the list scrolls, and says that more times follow.
      await expect(page.getByTestId('more-times')).toBeVisible();
      await times.last().scrollIntoViewIfNeeded();
      await expect(page.getByTestId('more-times')).toBeHidden();
      await times.first().scrollIntoViewIfNeeded();
    }
    await expectAccessible(page, `times at ${width} px`);
    await saveScreenshot(page, testInfo, `booking-${width}-2-times`);
    await fitsSideways(page, width);

    await page.getByRole('combobox', { name: 'Time zone' }).click();
    await page.getByRole('combobox', { name: 'Time zone' }).fill('new york');
    await expect(page.getByRole('option').first()).toContainText('Eastern Time — New York');
    await saveScreenshot(page, testInfo, `booking-${width}-3-time-zones`);
    await page.keyboard.press('Escape');

    await times.nth(2).click();
    await expect(page.getByRole('button', { name: 'Confirm booking' })).toBeVisible();
    await expectAccessible(page, `confirm at ${width} px`);
    await saveScreenshot(page, testInfo, `booking-${width}-4-confirm`);

    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await expect(page.getByTestId('booked-view')).toBeVisible();
    await expectAccessible(page, `booked at ${width} px`);
    await saveScreenshot(page, testInfo, `booking-${width}-5-booked`);
    await fitsSideways(page, width);

    // Reschedule opens on the booked day, its times in sight (on a phone they are far below).
    await page.getByRole('button', { name: 'Reschedule' }).click();
    await expect(page.getByRole('heading', { name: 'Pick a new time' })).toBeFocused();
    const list = page.getByTestId('slot-list');
    await expect(list.getByRole('button').first()).toBeVisible();
    await expect(list).toBeInViewport();
    await expectAccessible(page, `reschedule at ${width} px`);
    await saveScreenshot(page, testInfo, `booking-${width}-6-reschedule`);
    await page.getByRole('button', { name: 'Keep current time' }).click();

    await page.getByRole('button', { name: 'Cancel interview' }).click();
    await expectAccessible(page, `cancel at ${width} px`);
    await saveScreenshot(page, testInfo, `booking-${width}-7-cancel`);

    const closed = await createLink();
    expect((await api('POST', `/v1/conversations/${closed.conversationId}/close`)).status).toBe(
      200,
    );
    await page.goto(`/book/${closed.token}`);
    await expect(page.getByTestId('booking-closed')).toBeVisible();
    await saveScreenshot(page, testInfo, `booking-${width}-8-closed`);

    await page.goto('/book/this-link-does-not-exist-1234567890');
    await saveScreenshot(page, testInfo, `booking-${width}-9-not-found`);
  });
}

test('a notice that wraps keeps its icon whole', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  const day = dateInDays(3);
  const link = await createLink({ slots: [{ date: day, startTime: '09:00', endTime: '10:00' }] });
  const start = new Date(instantOf(day, '09:00')).toISOString();
  expect((await api('POST', `/v1/booking/${link.token}`, { start })).status).toBe(201);
  expect((await api('POST', `/v1/booking/${link.token}/cancel`, {})).status).toBe(200);
  await page.goto(`/book/${link.token}`);
  const notice = page.getByTestId('pick-notice');
  await expect(notice).toContainText('You cancelled your previous interview');
  const icon = (await notice.locator('svg').boundingBox())!;
  const text = (await notice.locator('span').boundingBox())!;
  expect(text.height).toBeGreaterThan(30);
  expect(Math.round(icon.width)).toBe(20);
  expect(Math.round(icon.height)).toBe(20);
});
