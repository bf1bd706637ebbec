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

test('a candidate books, moves and cancels with the keyboard alone', async ({ page }) => {
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

  // Reschedule by keyboard: Tab to the button, pick the next time on the booked day.
  const tabTo = async (name: string) => {
    const target = page.getByRole('button', { name, exact: true });
    for (let i = 0; i < 30 && !(await target.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(target).toBeFocused();
  };
  await tabTo('Reschedule');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Pick a new time' })).toBeFocused();
  const nineThirty = new Date(instantOf(day, '09:30')).toISOString();
  const later = page.locator(`[data-start="${nineThirty}"]`);
  for (let i = 0; i < 30 && !(await later.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(later).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Confirm your new time' })).toBeFocused();
  await tabTo('Confirm new time');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your interview was moved' })).toBeFocused();
  expect((await bookingState(link.token)).meeting.startDateTime).toBe(nineThirty);

  // Cancel by keyboard, typing a reason.
  await tabTo('Cancel interview');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Cancel your interview?' })).toBeFocused();
  const reason = page.getByLabel('Reason for cancelling (optional)');
  for (let i = 0; i < 10 && !(await reason.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(reason).toBeFocused();
  await page.keyboard.type('Something came up');
  await tabTo('Cancel interview');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your interview is cancelled' })).toBeFocused();
  expect((await bookingState(link.token)).meeting).toMatchObject({
    status: 'CANCELLED',
    cancelledBy: 'CANDIDATE',
  });
});
