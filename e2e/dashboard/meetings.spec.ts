import { expectAccessible } from '../fixtures/axe';
import { api, createLink, dateInDays, instantOf, saveScreenshot } from '../fixtures/booking';
import { expect, expectNoHorizontalOverflow, signedInAs, test } from '../fixtures/dashboard';

/** A booked meeting in organization A, with its link and candidate name. */
async function bookedMeeting(firstName: string) {
  const day = dateInDays(4);
  const link = await createLink({
    firstName,
    slots: [{ date: day, startTime: '09:00', endTime: '12:00' }],
  });
  const start = new Date(instantOf(day, '10:00')).toISOString();
  const booked = await api('POST', `/v1/booking/${link.token}`, { start });
  expect(booked.status).toBe(201);
  return { link, meetingId: booked.body.meeting.id as string, start };
}

test.describe('a recruiter', () => {
  test.use({ storageState: signedInAs('RECRUITER') });

  test('sees the agenda, moves a meeting to an offered time and cancels it', async ({
    page,
  }, testInfo) => {
    const { meetingId, start } = await bookedMeeting('Morgan');
    await page.goto('/dashboard/meetings');
    const item = page.getByTestId('agenda-item').filter({ hasText: 'Morgan Candidate' });
    await expect(item).toBeVisible();
    await expect(item).toContainText('With Ivy Interviewer');
    await expect(item.getByRole('link', { name: 'Development video room' })).toBeVisible();
    await expectAccessible(page, 'meetings');

    // Reschedule: the choices are what the link offers; the current time is not one of them.
    await item.getByText('Reschedule').click();
    const choice = item.getByLabel(/New time/);
    await expect(choice.locator('option:not([disabled])').first()).toBeAttached();
    const values = await choice
      .locator('option:not([disabled])')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(values).not.toContain(start);
    await expectAccessible(page, 'reschedule form');
    await saveScreenshot(page, testInfo, 'dashboard-1280-meetings-reschedule');
    await choice.selectOption(values[0]!);
    await item.getByRole('button', { name: 'Move the meeting' }).click();
    await expect
      .poll(async () => (await api('GET', `/v1/meetings/${meetingId}`)).body.startDateTime)
      .toBe(values[0]);

    // Cancel, with a reason everyone is told.
    const moved = page.getByTestId('agenda-item').filter({ hasText: 'Morgan Candidate' });
    await moved.getByText('Cancel', { exact: true }).click();
    await moved.getByLabel('Reason (sent to everyone)').fill('The role was put on hold');
    await moved.getByRole('button', { name: 'Cancel the meeting' }).click();
    await expect(
      page.getByTestId('agenda-item').filter({ hasText: 'Morgan Candidate' }),
    ).toHaveCount(0);
    const meeting = (await api('GET', `/v1/meetings/${meetingId}`)).body;
    expect(meeting).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: 'RECRUITER',
      cancellationReason: 'The role was put on hold',
    });
  });

  test('the agenda fits a phone', async ({ page }, testInfo) => {
    await bookedMeeting('Robin');
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto('/dashboard/meetings');
    await expect(page.getByTestId('agenda-item').first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page, 'meetings at 360 px');
    await saveScreenshot(page, testInfo, 'dashboard-360-meetings');
  });
});

test.describe('a viewer', () => {
  test.use({ storageState: signedInAs('VIEWER') });

  test('sees the agenda but cannot move or cancel', async ({ page }) => {
    await bookedMeeting('Quinn');
    await page.goto('/dashboard/meetings');
    const item = page.getByTestId('agenda-item').filter({ hasText: 'Quinn Candidate' });
    await expect(item).toBeVisible();
    await expect(item.getByText('Reschedule')).toHaveCount(0);
    await expect(item.getByText('Cancel', { exact: true })).toHaveCount(0);
    const options = await page.request.get(
      `/dashboard/meetings/${'0'.repeat(8)}-0000-4000-8000-000000000000/options`,
    );
    expect(options.status()).toBe(403);
  });
});
