import { expectAccessible } from '../fixtures/axe';
import { api, dateInDays, uniqueEmail } from '../fixtures/booking';
import { expect, signedInAs, test } from '../fixtures/dashboard';

const ZONE = 'America/New_York';

test.describe('a recruiter', () => {
  test.use({ storageState: signedInAs('RECRUITER') });

  test('makes a round-robin template with load limits and sees its load this week', async ({
    page,
  }) => {
    const day = dateInDays(2);
    const ana = uniqueEmail('ana');
    const created = await api('POST', '/v1/meeting-templates', {
      name: `Pool ${Math.random().toString(36).slice(2, 8)}`,
      meetingParticipants: [
        {
          name: 'Ana Pool',
          email: ana,
          isOrganizer: true,
          availability: {
            timezone: ZONE,
            timeSlots: [{ date: day, startTime: '09:00', endTime: '12:00' }],
          },
        },
        {
          name: 'Ben Pool',
          email: uniqueEmail('ben'),
          availability: {
            timezone: ZONE,
            timeSlots: [{ date: day, startTime: '13:00', endTime: '15:00' }],
          },
        },
      ],
      meetingConfiguration: {
        title: 'Interview with {{candidateName}}',
        duration: 60,
        timezone: ZONE,
        videoConferencing: true,
        videoConferencingProvider: 'Google Meet',
        openHours: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '08:00', end: '18:00' }],
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await page.goto(`/dashboard/templates/${id}`);
    const preview = page.getByTestId('preview');
    // Collective: Ana and Ben are never free together.
    await expect(preview.getByTestId('preview-empty')).toBeVisible();

    await page.getByLabel(/^Round robin/).check();
    await expect(page.getByLabel('Organizer (sends the invitation)')).toHaveCount(0);
    // Round robin: either one's free time is offered (5 + 3 half-hourly starts).
    await expect(preview).toContainText('8 starts of 60 minutes');
    const first = page.getByTestId('participant').first();
    await first.getByLabel('Meetings a day at most').fill('2');
    await first.getByLabel('Meetings a week at most').fill('6');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText(/^Saved\./)).toBeVisible();
    const saved = (await api('GET', `/v1/meeting-templates/${id}`)).body;
    expect(saved.availabilityMethod).toBe('ROUND_ROBIN');
    expect(saved.meetingParticipants[0]).toMatchObject({
      email: ana,
      isOrganizer: false,
      maxMeetingsPerDay: 2,
      maxMeetingsPerWeek: 6,
    });

    await page.reload();
    await expect(page.getByLabel(/^Round robin/)).toBeChecked();
    const load = page.getByTestId('interviewer-load');
    await expect(load).toHaveCount(2);
    await expect(load.filter({ hasText: 'Ana Pool' })).toContainText('0 of 6');
    await expectAccessible(page, 'round-robin template with its load');
  });
});
