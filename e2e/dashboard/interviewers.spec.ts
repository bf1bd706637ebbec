import { expectAccessible } from '../fixtures/axe';
import { api, createLink, saveScreenshot, uniqueEmail } from '../fixtures/booking';
import {
  emailOf,
  expect,
  expectNoHorizontalOverflow,
  signedInAs,
  test,
} from '../fixtures/dashboard';
import type { Page } from '@playwright/test';

const personRow = (page: Page, text: string) =>
  page.getByTestId('interviewer-row').filter({ hasText: text });

test.describe('a recruiter on the interviewers page', () => {
  test.use({ storageState: signedInAs('RECRUITER') });

  test('invites an interviewer, who connects the development calendar from the emailed link', async ({
    page,
  }, testInfo) => {
    await page.goto('/dashboard');
    await page
      .getByRole('navigation', { name: 'Dashboard' })
      .getByRole('link', { name: 'Interviewers' })
      .click();
    await expect(page.getByRole('heading', { name: 'Interviewers', level: 1 })).toBeVisible();
    await expectAccessible(page, 'interviewers');

    const email = uniqueEmail('ivy.interviewer');
    await page.getByLabel('Name', { exact: true }).fill('Ivy Interviewer');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Send invite', exact: true }).click();
    await expect(
      page.getByText(`A link to connect their calendar was emailed to ${email}.`),
    ).toBeVisible();
    const row = personRow(page, email);
    await expect(row).toContainText('not connected');
    await expect(row.getByRole('button', { name: 'Send invite to Ivy Interviewer' })).toBeVisible();

    // The email, its link, and the page it opens.
    await page.goto('/dev/mailbox');
    const mail = page
      .locator('section')
      .filter({ hasText: `To ${email}` })
      .first();
    await expect(mail.getByRole('heading')).toHaveText(
      'E2E Recruiting asks you to connect your calendar',
    );
    await mail.locator('a[href*="/connect/invite/"]').click();
    await expect(page.getByRole('heading', { name: 'Connect your calendar' })).toBeVisible();
    await expect(page.getByText('Ivy Interviewer')).toBeVisible();
    await expect(page.getByText('development', { exact: true })).toBeVisible();
    await expectAccessible(page, 'connect invite page');
    await saveScreenshot(page, testInfo, 'connect-1280-invite');
    await page.getByRole('button', { name: 'Use the development calendar' }).click();
    await expect(
      page.getByRole('heading', { name: 'The development calendar is connected' }),
    ).toBeVisible();
    await expectAccessible(page, 'connect done page');

    await page.goto('/dashboard/interviewers');
    await expect(personRow(page, email)).toContainText('Development calendar');
    await expect(personRow(page, email)).toContainText('connected');
    await expect(personRow(page, email).getByTestId('dev-busy-editor')).toBeVisible();
  });

  test('connects their own development calendar and edits its busy times, at 1280 and 360 px', async ({
    page,
  }, testInfo) => {
    await page.goto('/dashboard/interviewers');
    const ownCard = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Your calendar' }) });
    const connect = ownCard.getByRole('button', { name: 'Use the development calendar' });
    if (await connect.isVisible()) {
      await connect.click();
      // The button goes away with the connection: the card now names the calendar.
      await expect(connect).toHaveCount(0);
    }
    await expect(ownCard).toContainText('Development calendar');
    const mine = personRow(page, emailOf('RECRUITER'));
    const editor = mine.getByTestId('dev-busy-editor');
    await expect(editor).toBeVisible();
    await expect(editor).toContainText('development calendar');

    await editor.getByLabel('Busy from').fill('2031-03-10T12:00');
    await editor.getByLabel('Until').fill('2031-03-10T13:30');
    await editor.getByLabel('Label (optional)').fill('Focus time');
    await editor.getByRole('button', { name: 'Add busy time' }).click();
    await expect(page.getByText('Busy period added to the development calendar.')).toBeVisible();
    const item = editor.getByTestId('dev-busy-item').filter({ hasText: 'Focus time' });
    await expect(item).toContainText('Mon, Mar 10, 12:00 PM');
    await expect(item).toContainText('1:30 PM');
    await expectAccessible(page, 'interviewers with busy times');
    await saveScreenshot(page, testInfo, 'dashboard-1280-interviewers');

    await page.setViewportSize({ width: 360, height: 780 });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Interviewers', level: 1 })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page, 'interviewers at 360 px');
    await saveScreenshot(page, testInfo, 'dashboard-360-interviewers');

    await item.getByRole('button', { name: 'Remove' }).click();
    await expect(editor.getByTestId('dev-busy-item').filter({ hasText: 'Focus time' })).toHaveCount(
      0,
    );
  });
});

test.describe('a viewer on the interviewers page', () => {
  test.use({ storageState: signedInAs('VIEWER') });

  test('sees calendar states but no invite or busy-time controls', async ({ page }) => {
    await page.goto('/dashboard/interviewers');
    await expect(page.getByRole('heading', { name: 'Interviewers', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send invite' })).toHaveCount(0);
    await expect(page.getByTestId('dev-busy-editor')).toHaveCount(0);
    await expectAccessible(page, 'interviewers as viewer');
  });
});

test.describe('availability collected by email, on the interviewers page', () => {
  test.use({ storageState: signedInAs('RECRUITER') });

  test('shows the request and who waits, sends it again, and enters the times', async ({
    page,
  }) => {
    const email = uniqueEmail('morgan.manager');
    const link = await createLink({
      participants: [
        {
          name: 'Morgan Manager',
          email,
          isOrganizer: true,
          availability: undefined,
          autoCollectAvailability: true,
        },
      ],
    });
    await page.goto('/dashboard/interviewers');
    const row = personRow(page, email);
    await expect(async () => {
      await page.reload();
      await expect(row.getByTestId('collected-availability')).toContainText('asked', {
        timeout: 1000,
      });
    }).toPass({ timeout: 20_000 });
    await expect(row).toContainText('1 waiting for their availability');
    await row.getByRole('button', { name: 'Send availability request to Morgan Manager' }).click();
    await expect(
      page.getByText(`A request for their times was emailed to ${email}.`),
    ).toBeVisible();
    await expect(row).toContainText('requested');
    await expectAccessible(page, 'interviewers with an availability request');

    // "Enter Morgan's times" opens the person's own form.
    const formUrl = await row
      .getByRole('link', { name: "Enter Morgan's times" })
      .getAttribute('href');
    await page.goto(new URL(formUrl!).pathname);
    await page.getByLabel('As you would in an email').fill('Tomorrow 10-12 and 2-4');
    await page.getByRole('button', { name: 'Mark these on the grid' }).click();
    await page.getByRole('button', { name: 'Save my times' }).click();
    await expect(page.getByRole('status')).toContainText('been sent a booking link');

    await page.goto('/dashboard/interviewers');
    await expect(row.getByTestId('collected-availability')).toContainText('answered');
    await expect(
      row
        .getByRole('list', { name: 'Their times, New York time (America/New_York):' })
        .getByRole('listitem'),
    ).toHaveText([/: 10:00–12:00, 14:00–16:00$/]);
    await expect(row).not.toContainText('waiting for their availability');
    const conversation = await api('GET', `/v1/conversations/${link.conversationId}`);
    expect(conversation.body.schedulingStatus).toBe('LINK_SENT');
  });
});
