import { api, createLink, dateInDays, instantOf } from '../fixtures/booking';
import { expect, signedInAs, test } from '../fixtures/dashboard';

/**
 * A VIEWER sees no cancel button, but could copy the request a recruiter's browser sends. Replayed
 * from the viewer's browser (their session cookie), the server action must refuse it.
 */
test('a server action replayed by a viewer is refused and changes nothing', async ({ browser }) => {
  const day = dateInDays(4);
  const link = await createLink({
    firstName: 'Forgea',
    slots: [{ date: day, startTime: '09:00', endTime: '12:00' }],
  });
  const booked = await api('POST', `/v1/booking/${link.token}`, {
    start: new Date(instantOf(day, '10:00')).toISOString(),
  });
  expect(booked.status).toBe(201);
  const meetingId = booked.body.meeting.id as string;

  // The recruiter's real request, captured on its way out and stopped there.
  const recruiter = await browser.newContext({ storageState: signedInAs('RECRUITER') });
  const recruiterPage = await recruiter.newPage();
  let captured: { headers: Record<string, string>; body: string } | null = null;
  await recruiterPage.route('**/dashboard/meetings', async (route) => {
    const request = route.request();
    if (request.method() === 'POST' && request.headers()['next-action']) {
      captured = { headers: request.headers(), body: request.postData() ?? '' };
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await recruiterPage.goto('/dashboard/meetings');
  const item = recruiterPage.getByTestId('agenda-item').filter({ hasText: 'Forgea Candidate' });
  await item.getByText('Cancel', { exact: true }).click();
  await item.getByLabel('Reason (sent to everyone)').fill('Forged by a viewer');
  await item.getByRole('button', { name: 'Cancel the meeting' }).click();
  await expect.poll(() => captured !== null).toBe(true);
  await recruiter.close();
  const request = captured!;
  expect(request.body).toContain(meetingId);

  // The viewer replays it from their own browser.
  const viewer = await browser.newContext({ storageState: signedInAs('VIEWER') });
  const viewerPage = await viewer.newPage();
  await viewerPage.goto('/dashboard/meetings');
  await expect(
    viewerPage.getByTestId('agenda-item').filter({ hasText: 'Forgea Candidate' }),
  ).toBeVisible();
  const answer = await viewerPage.evaluate(
    async ({ headers, body }) => {
      const response = await fetch('/dashboard/meetings', {
        method: 'POST',
        headers: {
          'next-action': headers['next-action']!,
          'content-type': headers['content-type']!,
          accept: 'text/x-component',
        },
        body,
      });
      return { status: response.status, text: await response.text() };
    },
    { headers: request.headers, body: request.body },
  );
  await viewer.close();
  expect(answer.status).toBe(200);
  expect(answer.text).toContain('This needs the RECRUITER role; you are VIEWER.');
  expect(answer.text).not.toContain('"status":"ok"');
  const meeting = (await api('GET', `/v1/meetings/${meetingId}`)).body;
  expect(meeting.status).toBe('SCHEDULED');
  expect(meeting.cancellationReason ?? null).toBeNull();
});
