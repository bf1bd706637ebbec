import { expectAccessible } from '../fixtures/axe';
import { createLink, dateInDays, saveScreenshot } from '../fixtures/booking';
import {
  expect,
  expectNoHorizontalOverflow,
  otherApi,
  signedInAs,
  test,
} from '../fixtures/dashboard';

test.describe('the development outbox', () => {
  test.use({ storageState: signedInAs('VIEWER') });

  test('shows what Parley sent for a new conversation, with a link to it', async ({
    page,
  }, testInfo) => {
    const link = await createLink({ firstName: 'Outboxia' });
    const candidate = link.body.emailAddress as string;
    await page.goto('/dashboard/outbox');
    await expect(
      page.getByRole('heading', { name: 'Outbox (development)', level: 1 }),
    ).toBeVisible();
    const message = page.getByTestId('outbox-message').filter({ hasText: candidate }).first();
    await expect(message).toBeVisible();
    await expect(message).toContainText('Outboxia');
    await expect(message).toContainText(link.url);
    await expect(message.getByRole('link', { name: 'Open the conversation' })).toHaveAttribute(
      'href',
      `/dashboard/conversations/${link.conversationId}`,
    );
    // Newest first: the message of this conversation is above anything sent before it.
    await expect(page.getByTestId('outbox-message').first()).toContainText(candidate);
    await expectAccessible(page, 'outbox');
    await saveScreenshot(page, testInfo, 'dashboard-1280-outbox');
  });

  test('never shows another organization’s messages', async ({ page }) => {
    const campaign = await otherApi('POST', '/v1/campaigns', {
      campaignTitle: 'Other',
      channel: 'EMAIL',
      company: 'Other Company',
      position: 'Spy',
    });
    expect(campaign.status).toBe(201);
    const email = `other.${Date.now()}@example.com`;
    const availability = {
      timezone: 'America/New_York',
      timeSlots: [{ date: dateInDays(3), startTime: '09:00', endTime: '12:00' }],
    };
    const created = await otherApi('POST', '/v1/scheduling/conversations', {
      campaignId: campaign.body.id,
      firstName: 'Otto',
      lastName: 'Other',
      emailAddress: email,
      meetingParticipants: [
        { name: 'Olga', email: `olga.${Date.now()}@example.com`, isOrganizer: true, availability },
      ],
      meetingConfiguration: {
        title: 'Interview',
        duration: 30,
        timezone: 'America/New_York',
        videoConferencing: false,
        openHours: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '08:00', end: '18:00' }],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await page.goto('/dashboard/outbox');
    await expect(page.getByTestId('outbox-message').first()).toBeVisible();
    await expect(page.getByText(email)).toHaveCount(0);
  });

  test('fits a phone', async ({ page }, testInfo) => {
    await createLink({ firstName: 'Phonea' });
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto('/dashboard/outbox');
    await expect(page.getByTestId('outbox-message').first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page, 'outbox at 360 px');
    await saveScreenshot(page, testInfo, 'dashboard-360-outbox');
  });
});
