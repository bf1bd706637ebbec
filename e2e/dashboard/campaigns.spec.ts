import { expectAccessible } from '../fixtures/axe';
import { api, saveScreenshot } from '../fixtures/booking';
import {
  expect,
  expectNoHorizontalOverflow,
  otherApi,
  signedInAs,
  test,
} from '../fixtures/dashboard';

const unique = (prefix: string) => `${prefix} ${Math.random().toString(36).slice(2, 8)}`;

async function templateId(name: string): Promise<string> {
  const res = await api('POST', '/v1/meeting-templates', {
    name,
    meetingParticipants: [
      {
        name: 'Ivy Interviewer',
        email: 'ivy.campaigns@example.com',
        isOrganizer: true,
        autoCollectAvailability: true,
      },
    ],
    meetingConfiguration: {
      title: 'Interview',
      duration: 30,
      timezone: 'America/New_York',
      videoConferencing: false,
      openHours: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
    },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

test.describe('a recruiter', () => {
  test.use({ storageState: signedInAs('RECRUITER') });

  test('creates a campaign after fixing a field error, edits it and deletes it', async ({
    page,
  }, testInfo) => {
    const title = unique('Night nurses');
    await page.goto('/dashboard/campaigns');
    await page.getByRole('link', { name: 'New campaign' }).click();
    await expect(page.getByRole('heading', { name: 'New campaign' })).toBeVisible();
    await expectAccessible(page, 'new campaign form');

    await page.getByLabel('Title (required)').fill(title);
    await page.getByLabel('Channel (required)').selectOption('SMS');
    await page.getByLabel('Company').fill('Acme Care');
    await page.getByLabel('How the conversation ends').selectOption('PHONE_NUMBER');
    const phone = page.getByLabel('Phone number (required)');
    await phone.fill('555 12');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Question 1', { exact: true }).fill('Do you hold a nursing licence?');
    const interval = page.getByLabel('Hours between nudges');
    await interval.fill('2');
    await page.getByRole('button', { name: 'Create campaign' }).click();

    // The API's message for contactNumber, at the field and in the summary, which links to it.
    const summary = page.getByRole('alert').filter({ hasText: 'Nothing was saved' });
    await expect(summary).toBeFocused();
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    await expect(phone).toHaveAccessibleDescription(/must be an E\.164 phone number/);
    const link = summary.getByRole('link', { name: /Phone number: must be an E\.164/ });
    await expect(link).toHaveAttribute('href', '#field-contactNumber');
    // What was typed is still there.
    await expect(page.getByLabel('Title (required)')).toHaveValue(title);
    await expect(page.getByLabel('Question 1', { exact: true })).toHaveValue(
      'Do you hold a nursing licence?',
    );
    await expect(phone).toHaveValue('555 12');
    await expect(interval).toHaveAttribute('aria-invalid', 'true');
    await expect(
      summary.getByRole('link', { name: /^Hours between nudges: .*(at least 4|>=4|≥ ?4)/ }),
    ).toHaveAttribute('href', '#field-nudges.intervalHours');
    await expectAccessible(page, 'campaign form with an error');
    await saveScreenshot(page, testInfo, 'dashboard-1280-campaign-error');
    await link.click();
    await expect(phone).toBeFocused();

    await phone.fill('+14155550123');
    await interval.fill('12');
    await page
      .getByLabel('What the agent may say about the role')
      .fill('Night shifts, 12 hours, 30 EUR an hour.');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await expect(page.getByText('The campaign was created.')).toBeVisible();
    const id = page.url().split('/dashboard/campaigns/')[1]!.split('?')[0]!;
    const stored = await api('GET', `/v1/campaigns/${id}`);
    expect(stored.body).toMatchObject({
      campaignTitle: title,
      channel: 'SMS',
      company: 'Acme Care',
      closingMethod: 'PHONE_NUMBER',
      contactNumber: '+14155550123',
      questions: ['Do you hold a nursing licence?'],
      status: 'LIVE',
      conversationTimeoutHours: 48,
      agentInstructions: 'Night shifts, 12 hours, 30 EUR an hour.',
      nudges: { count: 2, intervalHours: 12 },
    });
    await expectAccessible(page, 'campaign edit form');

    // Edit: a new title, a draft, and the phone closing replaced by a message.
    await page.getByLabel('Title (required)').fill(`${title} (EU)`);
    await page.getByLabel('Draft: sends nothing').check();
    await page.getByLabel('How the conversation ends').selectOption('CUSTOM');
    await page.getByLabel('Closing message (required)').fill('Thanks, we will be in touch.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Saved. New conversations use these settings.')).toBeVisible();
    expect((await api('GET', `/v1/campaigns/${id}`)).body).toMatchObject({
      campaignTitle: `${title} (EU)`,
      status: 'DRAFT',
      closingMethod: 'CUSTOM',
      customMessage: 'Thanks, we will be in touch.',
      contactNumber: null,
    });

    await page.goto('/dashboard/campaigns');
    const row = page.getByTestId('campaign-row').filter({ hasText: `${title} (EU)` });
    await expect(row).toContainText('SMS');
    await expect(row).toContainText('Draft');
    await expect(row).toContainText('English');
    await expectAccessible(page, 'campaign list');
    await saveScreenshot(page, testInfo, 'dashboard-1280-campaigns');

    // Delete, after a second step that says what it does.
    await row.getByRole('link').click();
    await page.getByText('Delete campaign…').click();
    await expect(page.getByText('will take no new conversations')).toBeVisible();
    await expectAccessible(page, 'delete confirmation');
    await page.getByRole('button', { name: 'Yes, delete this campaign' }).click();
    await expect(page.getByText('The campaign was deleted.')).toBeVisible();
    await expect(page.getByTestId('campaign-row').filter({ hasText: title })).toHaveCount(0);
    expect((await api('GET', `/v1/campaigns/${id}`)).status).toBe(404);
  });

  test('says so when a campaign with a meeting template has screening questions', async ({
    page,
  }) => {
    const template = unique('Phone screen');
    await templateId(template);
    await page.goto('/dashboard/campaigns/new');
    await page.getByLabel('Title (required)').fill(unique('Drivers'));
    await page.getByLabel('Channel (required)').selectOption('EMAIL');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Question 1', { exact: true }).fill('Do you have a licence?');
    await page.getByLabel('Meeting template').selectOption({ label: template });
    await expect(page.getByText('Screening questions are not allowed')).toBeVisible();
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await expect(
      page.getByRole('link', { name: /Screening questions: are not allowed/ }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Remove question 1' }).click();
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await expect(page.getByText('The campaign was created.')).toBeVisible();
  });

  test('the campaign pages fit a phone', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto('/dashboard/campaigns/new');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await expect(page.getByLabel('Title (required)')).toHaveAttribute('aria-invalid', 'true');
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page, 'campaign form at 360 px');
    await saveScreenshot(page, testInfo, 'dashboard-360-campaign-form');
    await page.goto('/dashboard/campaigns');
    await expectNoHorizontalOverflow(page);
    await saveScreenshot(page, testInfo, 'dashboard-360-campaigns');
  });

  test("another organization's campaign is a 404", async ({ page }) => {
    const other = await otherApi('POST', '/v1/campaigns', {
      campaignTitle: 'Not yours',
      channel: 'SMS',
    });
    expect(other.status).toBe(201);
    const response = await page.goto(`/dashboard/campaigns/${other.body.id}`);
    expect(response?.status()).toBe(404);
  });
});

test.describe('a viewer', () => {
  test.use({ storageState: signedInAs('VIEWER') });

  test('reads campaigns but has no control that changes them', async ({ page }) => {
    const title = unique('Read only');
    const created = await api('POST', '/v1/campaigns', { campaignTitle: title, channel: 'SMS' });
    await page.goto('/dashboard/campaigns');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await expect(page.getByRole('link', { name: 'New campaign' })).toHaveCount(0);
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByLabel('Title (required)')).toHaveValue(title);
    await expect(page.getByLabel('Title (required)')).toBeDisabled();
    await expect(page.getByRole('form', { name: 'Campaign' }).getByRole('button')).toHaveCount(0);
    await expect(page.getByText('Delete campaign…')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    await expectAccessible(page, 'campaign read only');
    expect(created.status).toBe(201);
    await page.goto('/dashboard/campaigns/new');
    await expect(page.getByLabel('Title (required)')).toHaveCount(0);
  });
});
