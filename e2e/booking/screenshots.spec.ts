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

for (const width of [360, 1280]) {
  test(`booking page at ${width} px: fits, does not shift, screenshots`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width, height: width < 600 ? 780 : 820 });
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
        { date: day, startTime: '09:00', endTime: '13:00' },
        { date: dateInDays(4), startTime: '10:00', endTime: '12:00' },
        { date: dateInDays(6), startTime: '09:00', endTime: '17:00' },
      ],
    });
    const localDay = dateIn(instantOf(day, '09:00'), CANDIDATE_ZONE);

    await page.goto(`/book/${link.token}`);
    await showMonthOf(page, localDay);
    // Loading the open times must not move anything on the page.
    expect(await page.evaluate(() => (window as any).__shift as number)).toBeLessThan(0.01);
    await saveScreenshot(page, testInfo, `booking-${width}-1-calendar`);

    await dayButton(page, localDay).click();
    await expect(page.getByTestId('slot-list').getByRole('button').first()).toBeVisible();
    await saveScreenshot(page, testInfo, `booking-${width}-2-times`);
    // Nothing sticks out sideways, even on a small phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );

    await page.getByRole('combobox', { name: 'Time zone' }).click();
    await page.getByRole('combobox', { name: 'Time zone' }).fill('new york');
    await saveScreenshot(page, testInfo, `booking-${width}-3-time-zones`);
    await page.keyboard.press('Escape');

    await page.getByTestId('slot-list').getByRole('button').nth(2).click();
    await expect(page.getByRole('button', { name: 'Confirm booking' })).toBeVisible();
    await saveScreenshot(page, testInfo, `booking-${width}-4-confirm`);

    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await expect(page.getByTestId('booked-view')).toBeVisible();
    await saveScreenshot(page, testInfo, `booking-${width}-5-booked`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );

    await page.getByRole('button', { name: 'Cancel interview' }).click();
    await saveScreenshot(page, testInfo, `booking-${width}-6-cancel`);

    const closed = await createLink();
    expect((await api('POST', `/v1/conversations/${closed.conversationId}/close`)).status).toBe(
      200,
    );
    await page.goto(`/book/${closed.token}`);
    await expect(page.getByTestId('booking-closed')).toBeVisible();
    await saveScreenshot(page, testInfo, `booking-${width}-7-closed`);
  });
}
