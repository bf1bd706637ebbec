import { expectAccessible } from '../fixtures/axe';
import { api, dateInDays, saveScreenshot, uniqueEmail } from '../fixtures/booking';
import {
  expect,
  expectNoHorizontalOverflow,
  otherApi,
  signedInAs,
  test,
} from '../fixtures/dashboard';

const unique = (prefix: string) => `${prefix} ${Math.random().toString(36).slice(2, 8)}`;
const ZONE = 'America/New_York';

function templateBody(name: string) {
  const day = dateInDays(2);
  return {
    name,
    meetingParticipants: [
      {
        name: 'Vera Viewer-Test',
        email: uniqueEmail('vera'),
        isOrganizer: true,
        availability: {
          timezone: ZONE,
          timeSlots: [{ date: day, startTime: '10:00', endTime: '11:00' }],
        },
      },
    ],
    meetingConfiguration: {
      title: 'Interview with {{candidateName}}',
      duration: 30,
      timezone: ZONE,
      videoConferencing: true,
      videoConferencingProvider: 'Google Meet',
      openHours: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '08:00', end: '18:00' }],
    },
  };
}

test.describe('a recruiter', () => {
  test.use({ storageState: signedInAs('RECRUITER') });

  test('creates a template after fixing an open-hours error, with a live preview; edits and deletes it', async ({
    page,
  }, testInfo) => {
    const name = unique('Phone screen');
    const day = dateInDays(2);
    const preview = page.getByTestId('preview');
    await page.goto('/dashboard/templates');
    await page.getByRole('link', { name: 'New meeting template' }).click();
    await expect(page.getByRole('heading', { name: 'New meeting template' })).toBeVisible();
    // The meeting zone starts as the recruiter's own.
    await expect(page.getByLabel('Meeting time zone', { exact: true })).toHaveValue(ZONE);
    await expectAccessible(page, 'new template form');

    await page.getByLabel('Name (required)').fill(name);
    const participant = page.getByTestId('participant').first();
    await participant.getByLabel('Name', { exact: true }).fill('Ivy Interviewer');
    await participant.getByLabel('Email', { exact: true }).fill(uniqueEmail('ivy'));
    await participant.getByLabel('Time 1: date').fill(day);
    await participant.getByLabel('from', { exact: true }).fill('09:00');
    await participant.getByLabel('to', { exact: true }).fill('12:00');
    const window = page.getByTestId('open-hours').first();
    for (const d of ['Sun', 'Sat']) await window.getByLabel(d, { exact: true }).check();
    await window.getByLabel('Window 1: to').fill('08:00');

    // The preview says what it waits for; saving puts the API's error at the field.
    await expect(preview).toContainText('Open hours 1 end: must be after start');
    await page.getByRole('button', { name: 'Create template' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Nothing was saved' });
    await expect(summary).toBeFocused();
    const end = window.getByLabel('Window 1: to');
    await expect(end).toHaveAttribute('aria-invalid', 'true');
    await expect(end).toHaveAccessibleDescription('must be after start');
    await expect(
      summary.getByRole('link', { name: 'Open hours 1 end: must be after start' }),
    ).toHaveAttribute('href', '#field-meetingConfiguration.openHours.0.end');
    await expect(page.getByLabel('Name (required)')).toHaveValue(name);
    await expectAccessible(page, 'template form with an error');

    await end.fill('17:00');
    const offered = preview.getByTestId('preview-day');
    await expect(offered).toHaveCount(1);
    await expect(offered).toContainText(
      ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'].join(''),
    );
    await expect(preview).toContainText('6 starts of 30 minutes');
    await expectAccessible(page, 'template form with its preview');
    await saveScreenshot(page, testInfo, 'dashboard-1280-template-preview');

    await page.getByRole('button', { name: 'Create template' }).click();
    await expect(page.getByText('The meeting template was created.')).toBeVisible();
    const id = page.url().split('/dashboard/templates/')[1]!.split('?')[0]!;
    expect((await api('GET', `/v1/meeting-templates/${id}`)).body).toMatchObject({
      name,
      meetingParticipants: [
        {
          name: 'Ivy Interviewer',
          isOrganizer: true,
          availability: {
            timezone: ZONE,
            timeSlots: [{ date: day, startTime: '09:00', endTime: '12:00' }],
          },
        },
      ],
      meetingConfiguration: {
        duration: 30,
        timezone: ZONE,
        openHours: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '09:00', end: '17:00' }],
        slotInterval: 30,
      },
    });

    // Asking the interviewer by email: nothing can be offered yet, and the preview says why.
    const saved = page.getByTestId('participant').first();
    await saved.getByLabel('Ask them by email').check();
    await expect(preview.getByTestId('preview-empty')).toContainText('No starts this week');
    await expect(preview).toContainText('Ivy Interviewer is asked for their availability by email');
    await saved.getByLabel('Times entered here').check();

    // Edit: a longer meeting leaves fewer starts in the same free time.
    await page.getByLabel('Duration (minutes)').fill('60');
    await expect(preview).toContainText('5 starts of 60 minutes');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText(/^Saved\./)).toBeVisible();
    expect(
      (await api('GET', `/v1/meeting-templates/${id}`)).body.meetingConfiguration.duration,
    ).toBe(60);

    // A template a campaign uses cannot be deleted: the service's reason is shown.
    const campaign = await api('POST', '/v1/campaigns', {
      campaignTitle: unique('Uses the template'),
      channel: 'EMAIL',
      calendarMeetingTemplateId: id,
    });
    expect(campaign.status).toBe(201);
    await page.getByText('Delete template…').click();
    await page.getByRole('button', { name: 'Yes, delete this template' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'used by 1 campaign' })).toBeVisible();
    await expectAccessible(page, 'delete refused');
    expect((await api('DELETE', `/v1/campaigns/${campaign.body.id}`)).status).toBe(204);
    await page.getByRole('button', { name: 'Yes, delete this template' }).click();
    await expect(page.getByText('The meeting template was deleted.')).toBeVisible();
    await expect(page.getByTestId('template-row').filter({ hasText: name })).toHaveCount(0);
    expect((await api('GET', `/v1/meeting-templates/${id}`)).status).toBe(404);
    await expectAccessible(page, 'template list');
  });

  test('the meeting zone is searched by city, and the preview follows it', async ({ page }) => {
    const created = await api('POST', '/v1/meeting-templates', templateBody(unique('Zones')));
    await page.goto(`/dashboard/templates/${created.body.id}`);
    const preview = page.getByTestId('preview');
    // 10:00–11:00 in New York, open 08:00–18:00 on the meeting zone's clock.
    await expect(preview).toContainText('2 starts of 30 minutes');
    await page.getByLabel('Search for meeting time zone').fill('Tokyo');
    await expect(page.getByLabel('Meeting time zone', { exact: true })).toHaveValue('Asia/Tokyo');
    // 10:00 in New York is midnight in Tokyo: outside its open hours.
    await expect(preview.getByTestId('preview-empty')).toContainText(
      'Vera Viewer-Test has no free time inside the open hours this week.',
    );
    await page.getByLabel('Search for meeting time zone').fill('Berlin');
    await expect(page.getByLabel('Meeting time zone', { exact: true })).toHaveValue(
      'Europe/Berlin',
    );
    await expect(preview).toContainText('2 starts of 30 minutes');
    await expect(preview.getByTestId('preview-day')).toContainText('16:0016:30');
  });

  test('the template pages fit a phone', async ({ page }, testInfo) => {
    await api('POST', '/v1/meeting-templates', templateBody(unique('Phone fit')));
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto('/dashboard/templates/new');
    await page.getByRole('button', { name: 'Create template' }).click();
    await expect(page.getByLabel('Name (required)')).toHaveAttribute('aria-invalid', 'true');
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page, 'template form at 360 px');
    await saveScreenshot(page, testInfo, 'dashboard-360-template-form');
    await page.goto('/dashboard/templates');
    await expect(page.getByTestId('template-row').first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page, 'template list at 360 px');
    await saveScreenshot(page, testInfo, 'dashboard-360-templates');
  });

  test("another organization's template is a 404", async ({ page }) => {
    const other = await otherApi('POST', '/v1/meeting-templates', templateBody('Not yours'));
    expect(other.status).toBe(201);
    const response = await page.goto(`/dashboard/templates/${other.body.id}`);
    expect(response?.status()).toBe(404);
  });
});

test.describe('a viewer', () => {
  test.use({ storageState: signedInAs('VIEWER') });

  test('reads templates and their preview but has no control that changes them', async ({
    page,
  }) => {
    const name = unique('Read only');
    const created = await api('POST', '/v1/meeting-templates', templateBody(name));
    expect(created.status).toBe(201);
    await page.goto('/dashboard/templates');
    await expect(page.getByRole('link', { name })).toBeVisible();
    await expect(page.getByRole('link', { name: 'New meeting template' })).toHaveCount(0);
    await page.getByRole('link', { name }).click();
    await expect(page.getByLabel('Name (required)')).toHaveValue(name);
    await expect(page.getByLabel('Name (required)')).toBeDisabled();
    await expect(
      page.getByRole('form', { name: 'Meeting template' }).getByRole('button'),
    ).toHaveCount(0);
    await expect(page.getByText('Delete template…')).toHaveCount(0);
    await expect(page.getByTestId('preview')).toContainText('2 starts of 30 minutes');
    await expectAccessible(page, 'template read only');
    await page.goto('/dashboard/templates/new');
    await expect(page.getByLabel('Name (required)')).toHaveCount(0);
  });

  test('the preview endpoint checks the draft with the API schema and needs a session', async ({
    page,
    playwright,
    baseURL,
  }) => {
    const invalid = await page.request.post('/dashboard/templates/preview', {
      data: { ...templateBody('x'), meetingConfiguration: { duration: 0 } },
    });
    expect(invalid.status()).toBe(400);
    const paths = (
      (await invalid.json()) as { error: { details: { path: string }[] } }
    ).error.details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['meetingConfiguration.duration', 'meetingConfiguration.title']),
    );
    const anonymous = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
    });
    const refused = await anonymous.post('/dashboard/templates/preview', {
      data: templateBody('x'),
    });
    expect(refused.status(), await refused.text()).toBe(401);
    await anonymous.dispose();
  });
});
