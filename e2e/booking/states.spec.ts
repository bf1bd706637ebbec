import { api, createLink, dateInDays, expect, instantOf, test } from '../fixtures/booking';

test('an unknown link gets the 404 page', async ({ page }) => {
  const response = await page.goto('/book/this-link-does-not-exist-1234567890');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Booking link not found' })).toBeVisible();
  await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute('content', /noindex/);
});

test('a closed link says so and offers no times', async ({ page }) => {
  const link = await createLink();
  expect((await api('POST', `/v1/conversations/${link.conversationId}/close`)).status).toBe(200);
  await page.goto(`/book/${link.token}`);
  await expect(page.getByRole('heading', { name: 'This booking link is closed' })).toBeVisible();
  await expect(page.getByRole('grid')).toHaveCount(0);
});

test('a meeting the organizer cancelled is shown as cancelled, with the reason', async ({
  page,
}) => {
  const day = dateInDays(3);
  const link = await createLink();
  const booked = await api('POST', `/v1/booking/${link.token}`, {
    start: new Date(instantOf(day, '10:00')).toISOString(),
  });
  expect(booked.status).toBe(201);
  const cancelled = await api('POST', `/v1/meetings/${booked.body.meeting.id}/cancel`, {
    reason: 'The position was filled',
  });
  expect(cancelled.status).toBe(200);
  await page.goto(`/book/${link.token}`);
  await expect(page.getByRole('heading', { name: 'This interview was cancelled' })).toBeVisible();
  await expect(page.getByTestId('booking-closed')).toContainText('Reason: The position was filled');
  await expect(page.getByRole('button', { name: /Reschedule|Pick a new time/ })).toHaveCount(0);
});

test('the development video room of a booked meeting opens', async ({ page }) => {
  const link = await createLink();
  const booked = await api('POST', `/v1/booking/${link.token}`, {
    start: new Date(instantOf(dateInDays(3), '11:00')).toISOString(),
  });
  expect(booked.status).toBe(201);
  const url = booked.body.meeting.meetingUrl as string;
  expect(url).toContain(`/dev/video/${booked.body.meeting.id}`);
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Development video room' })).toBeVisible();
  await expect(page.getByTestId('meeting-id')).toHaveText(booked.body.meeting.id);
});
