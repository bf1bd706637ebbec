import {
  bookingState,
  createLink,
  dateIn,
  dateInDays,
  dayButton,
  expect,
  instantOf,
  MEETING_ZONE,
  showMonthOf,
  test,
} from '../fixtures/booking';

test('each step is a history entry: Back and Escape return to the previous one', async ({
  page,
}) => {
  const day = dateInDays(3);
  const link = await createLink({ slots: [{ date: day, startTime: '09:00', endTime: '11:00' }] });
  const nine = new Date(instantOf(day, '09:00')).toISOString();
  const ten = new Date(instantOf(day, '10:00')).toISOString();
  const localDay = dateIn(Date.parse(nine), MEETING_ZONE);
  const pickHeading = page.getByRole('heading', { name: 'Select a date & time' });
  const confirmHeading = page.getByRole('heading', { name: 'Confirm your interview' });

  await page.goto(`/book/${link.token}`);
  await showMonthOf(page, localDay);
  await dayButton(page, localDay).click();
  await page.locator(`[data-start="${nine}"]`).click();
  await expect(confirmHeading).toBeFocused();

  // Back returns to the times of the same day, not out of the page.
  await page.goBack();
  await expect(pickHeading).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/book/${link.token}$`));
  await expect(page.locator(`[data-start="${nine}"]`)).toBeVisible();
  // Forward comes back to the step.
  await page.goForward();
  await expect(confirmHeading).toBeVisible();

  // Escape goes back from a step too, and so does the step's own Back button.
  await page.keyboard.press('Escape');
  await expect(pickHeading).toBeVisible();
  await page.locator(`[data-start="${ten}"]`).click();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(pickHeading).toBeVisible();

  // Confirming returns to the base entry: the booked view, with nothing left to go back to
  // inside the page but the page it came from.
  await page.locator(`[data-start="${nine}"]`).click();
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('heading', { name: 'You’re booked' })).toBeFocused();
  await expect(page).not.toHaveURL(/\?/);
  expect((await bookingState(link.token)).meeting.startDateTime).toBe(nine);

  // Moving and cancelling are steps as well.
  await page.getByRole('button', { name: 'Reschedule' }).click();
  await expect(page.getByRole('heading', { name: 'Pick a new time' })).toBeFocused();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Your interview is booked' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel interview' }).click();
  await expect(page.getByRole('heading', { name: 'Cancel your interview?' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Your interview is booked' })).toBeVisible();
  await page.getByRole('button', { name: 'Reschedule' }).click();
  await page.locator(`[data-start="${ten}"]`).click();
  await expect(page.getByRole('heading', { name: 'Confirm your new time' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Pick a new time' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Your interview is booked' })).toBeVisible();
  // Nothing changed on the way.
  expect((await bookingState(link.token)).meeting).toMatchObject({
    status: 'SCHEDULED',
    startDateTime: nine,
  });
});

test('a step opened from its own address works, and Back then goes to the base view', async ({
  page,
}) => {
  const day = dateInDays(3);
  const link = await createLink({ slots: [{ date: day, startTime: '09:00', endTime: '10:00' }] });
  const nine = new Date(instantOf(day, '09:00')).toISOString();
  await page.goto(`/book/${link.token}?start=${encodeURIComponent(nine)}`);
  await expect(page.getByRole('heading', { name: 'Confirm your interview' })).toBeVisible();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Select a date & time' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/book/${link.token}$`));
});
