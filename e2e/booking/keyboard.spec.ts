import type { Page } from '@playwright/test';
import {
  bookingState,
  createLink,
  dateIn,
  dateInDays,
  expect,
  instantOf,
  MEETING_ZONE,
  test,
} from '../fixtures/booking';

const focusedDate = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-date') ?? null);

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

test('a candidate books with the keyboard alone', async ({ page }) => {
  const day = dateInDays(3);
  const link = await createLink({ slots: [{ date: day, startTime: '09:00', endTime: '11:00' }] });
  const target = dateIn(instantOf(day, '09:00'), MEETING_ZONE);
  const nine = new Date(instantOf(day, '09:00')).toISOString();

  await page.goto(`/book/${link.token}`);
  await expect(page.getByRole('grid')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('[data-month]')).toHaveAttribute('data-month', target.slice(0, 7));

  // Tab into the calendar: exactly one day is in the tab order.
  for (let i = 0; i < 15 && !(await focusedDate(page)); i++) await page.keyboard.press('Tab');
  const start = await focusedDate(page);
  expect(start).not.toBeNull();
  const focused = page.locator('button[data-date]:focus');
  const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');

  // Arrow keys move the focus from day to day (the roving tabindex follows).
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  expect(await focusedDate(page)).toBe(start);
  const steps = daysBetween(start!, target);
  for (let i = 0; i < Math.abs(steps); i++)
    await page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
  expect(await focusedDate(page)).toBe(target);
  await expect(page.locator('button[data-date][tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('slot-list')).toBeVisible();

  // The first time is the next stop after the calendar.
  await page.keyboard.press('Tab');
  await expect(page.locator(`[data-start="${nine}"]`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Confirm your interview' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Confirm booking' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'You’re booked' })).toBeFocused();

  expect((await bookingState(link.token)).meeting).toMatchObject({
    status: 'SCHEDULED',
    startDateTime: nine,
  });
});
