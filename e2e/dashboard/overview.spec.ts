import { randomBytes } from 'node:crypto';
import { expectAccessible } from '../fixtures/axe';
import {
  api,
  createLink,
  dateInDays,
  instantOf,
  saveScreenshot,
  uniqueEmail,
} from '../fixtures/booking';
import { expect, expectNoHorizontalOverflow, signedInAs, test } from '../fixtures/dashboard';

test.describe('the overview', () => {
  test.use({ storageState: signedInAs('RECRUITER') });

  test("shows tomorrow's meeting, a link waiting for availability and a failing webhook", async ({
    page,
  }, testInfo) => {
    const tag = randomBytes(3).toString('hex');
    // Tomorrow at 10:00 in New York, the browser's zone (playwright.config.ts).
    const day = dateInDays(1);
    const booked = await createLink({
      firstName: `Tomorrow${tag}`,
      slots: [{ date: day, startTime: '09:00', endTime: '12:00' }],
    });
    const start = new Date(instantOf(day, '10:00')).toISOString();
    expect((await api('POST', `/v1/booking/${booked.token}`, { start })).status).toBe(201);

    // An interviewer who is asked for their times by email: the link has nothing to offer yet.
    const waiting = await createLink({
      firstName: `Waiting${tag}`,
      participants: [
        {
          name: 'Hana Manager',
          email: uniqueEmail('hana'),
          isOrganizer: true,
          availability: undefined,
          autoCollectAvailability: true,
        },
      ],
    });
    expect(waiting.body.schedulingStatus).toBe('AWAITING_AVAILABILITY');

    // An endpoint nobody listens at (port 9, discard), for events no other test emits.
    const url = `http://127.0.0.1:9/overview-${tag}`;
    const endpoint = await api('POST', '/v1/webhooks', {
      url,
      events: ['CALENDAR_MORE_TIME_REQUESTED'],
    });
    expect(endpoint.status).toBe(201);
    const tested = await api('POST', `/v1/webhooks/${endpoint.body.id}/test`);
    expect(tested.body.delivered).toBe(false);

    try {
      await page.goto('/dashboard');
      await expect(page.getByText('What needs attention at E2E Recruiting.')).toBeVisible();

      const tomorrow = page.getByRole('region', { name: "Tomorrow's meetings" });
      const meeting = tomorrow.getByRole('listitem').filter({ hasText: `Tomorrow${tag}` });
      await expect(meeting).toContainText('10:00');
      await expect(meeting).toContainText('Ivy Interviewer');
      await expect(
        page.getByRole('region', { name: "Today's meetings" }).getByText(`Tomorrow${tag}`),
      ).toHaveCount(0);

      const links = page.locator('section').filter({
        has: page.getByRole('heading', { name: 'Links with no times to offer' }),
      });
      const waitingItem = links
        .getByRole('listitem')
        .filter({ hasText: `Waiting${tag}` })
        .first();
      await expect(waitingItem).toContainText('waiting for availability');
      await expect(links.getByText(`Tomorrow${tag}`)).toHaveCount(0);

      const failing = page.getByRole('listitem').filter({ hasText: url });
      await expect(failing).toContainText(/failing in 7 days/);
      await expectAccessible(page, 'overview with items');

      // Each item leads to its record.
      await waitingItem.getByRole('link', { name: `Waiting${tag} Candidate` }).click();
      await expect(page).toHaveURL(
        new RegExp(`/dashboard/conversations/${waiting.conversationId}$`),
      );
      await page.goBack();
      await failing.getByRole('link', { name: url }).click();
      await expect(page).toHaveURL(
        new RegExp(`/dashboard/developers/webhooks/${endpoint.body.id}$`),
      );

      await page.setViewportSize({ width: 360, height: 780 });
      await page.goto('/dashboard');
      await expect(page.getByText(`Waiting${tag} Candidate`)).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await expectAccessible(page, 'overview at 360 px');
      await saveScreenshot(page, testInfo, 'dashboard-360-overview');
    } finally {
      await api('DELETE', `/v1/webhooks/${endpoint.body.id}`);
    }
  });
});
