import { randomBytes } from 'node:crypto';
import { expectAccessible } from '../fixtures/axe';
import { api, createLink, saveScreenshot, uniqueEmail } from '../fixtures/booking';
import {
  expect,
  expectNoHorizontalOverflow,
  otherApi,
  signedInAs,
  test,
} from '../fixtures/dashboard';

/** A campaign of organization A with a name no other test uses. */
async function campaignNamed(title: string): Promise<string> {
  const res = await api('POST', '/v1/campaigns', { campaignTitle: title, channel: 'EMAIL' });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** A regular conversation of organization A in `campaignId`. */
async function conversation(campaignId: string, fields: Record<string, unknown>) {
  const res = await api('POST', '/v1/conversations', { campaignId, ...fields });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; status: string };
}

/** Waits until the conversation has started (the worker sent its first message). */
async function started(id: string) {
  await expect
    .poll(async () => (await api('GET', `/v1/conversations/${id}`)).body.status, {
      timeout: 20_000,
    })
    .toBe('ONGOING');
}

const tag = () => randomBytes(3).toString('hex');

test.describe('a recruiter', () => {
  test.use({ storageState: signedInAs('RECRUITER') });

  test('filters and searches the list by name, email, phone and external id', async ({
    page,
  }, testInfo) => {
    const t = tag();
    const campaignId = await campaignNamed(`Filters ${t}`);
    const email = uniqueEmail(`ana${t}`);
    const ana = await conversation(campaignId, {
      firstName: `Ana${t}`,
      lastName: 'Lopez',
      emailAddress: email,
      externalId: `ext-${t}`,
    });
    const phone = `+1415555${String(parseInt(t, 16) % 10_000).padStart(4, '0')}`;
    const ben = await conversation(campaignId, {
      firstName: `Ben${t}`,
      lastName: 'Okafor',
      phoneNumber: phone,
      emailAddress: uniqueEmail(`ben${t}`),
    });

    // The campaign filter shows its two conversations, newest first, with their columns.
    await page.goto('/dashboard/conversations');
    await expect(page.getByRole('heading', { name: 'Conversations', level: 1 })).toBeVisible();
    await page.getByLabel('Campaign').selectOption(campaignId);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(new RegExp(`campaignId=${campaignId}`));
    const rows = page.getByTestId('conversation-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText(`Ben${t} Okafor`);
    await expect(rows.nth(1)).toContainText(`Ana${t} Lopez`);
    await expect(rows.nth(0)).toContainText(`Filters ${t}`);
    await expectAccessible(page, 'conversations list');
    await saveScreenshot(page, testInfo, 'dashboard-1280-conversations');

    // Status filter: both are still active; none is CLOSED.
    await page.goto(`/dashboard/conversations?campaignId=${campaignId}&status=CLOSED`);
    await expect(page.getByRole('heading', { name: 'No conversation matches' })).toBeVisible();
    await expect(page.getByLabel('Status')).toHaveValue('CLOSED');

    // One search box: the shape says what it is.
    const search = async (q: string) => {
      await page.goto('/dashboard/conversations');
      await page.getByLabel('Search').fill(q);
      await page.getByLabel('Search').press('Enter');
      await expect(page).toHaveURL(/q=/);
    };
    await search(email.toUpperCase());
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(`Ana${t} Lopez`);
    await search(phone.slice(2)); // without the country code
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(`Ben${t} Okafor`);
    await search(`ext-${t}`);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(`Ana${t} Lopez`);
    await search(`ben${t}`);
    await expect(rows).toHaveCount(1);
    await expect(rows.first().getByRole('link', { name: `Ben${t} Okafor` })).toHaveAttribute(
      'href',
      `/dashboard/conversations/${ben.id}`,
    );
    await search(`nobody-${t}`);
    await expect(page.getByRole('heading', { name: 'No conversation matches' })).toBeVisible();

    // A forged cursor is a message, not an error page.
    await page.goto('/dashboard/conversations?after=bogus');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('out of date');
    expect(ana.id).toBeTruthy();
  });

  test('pages through the list with Next and Previous', async ({ page }) => {
    const t = tag();
    const campaignId = await campaignNamed(`Pages ${t}`);
    for (let i = 0; i < 27; i++) {
      await conversation(campaignId, {
        firstName: `P${String(i).padStart(2, '0')}`,
        lastName: t,
        emailAddress: uniqueEmail(`p${i}${t}`),
      });
    }
    await page.goto(`/dashboard/conversations?campaignId=${campaignId}`);
    const rows = page.getByTestId('conversation-row');
    await expect(rows).toHaveCount(25);
    await expect(rows.first()).toContainText(`P26 ${t}`);
    await expect(page.getByRole('link', { name: '← Previous' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Next →' }).click();
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText(`P01 ${t}`);
    await expect(rows.nth(1)).toContainText(`P00 ${t}`);
    await expect(page).toHaveURL(new RegExp(`campaignId=${campaignId}.*after=`));
    await expect(page.getByRole('link', { name: 'Next →' })).toHaveCount(0);
    await page.getByRole('link', { name: '← Previous' }).click();
    await expect(rows).toHaveCount(25);
    await expect(rows.first()).toContainText(`P26 ${t}`);
    await expect(rows.last()).toContainText(`P02 ${t}`);
  });

  test('opens a conversation, resends its link and closes it', async ({ page }, testInfo) => {
    const link = await createLink({ firstName: `Rae${tag()}` });
    await started(link.conversationId);
    await page.goto(`/dashboard/conversations/${link.conversationId}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Candidate');
    const thread = page.getByTestId('thread-message');
    await expect(thread.first()).toContainText(link.url);
    const before = await thread.count();
    await expect(page.getByTestId('timeline-event').first()).toContainText('CONVERSATION_STARTED');
    await expect(page.getByTestId('conversation-status')).toHaveText('Ongoing');
    await expectAccessible(page, 'conversation page');
    await saveScreenshot(page, testInfo, 'dashboard-1280-conversation');

    // Resend: a new message with the same link appears in the thread.
    await page.getByRole('button', { name: 'Resend booking link' }).click();
    await expect(page.getByText('The booking link was sent again.')).toBeVisible();
    await expect(thread).toHaveCount(before + 1);
    await expect(thread.last()).toContainText('link again');
    await expect(thread.last()).toContainText(link.url);

    // Close, after a confirmation.
    await page.getByText('Close conversation').click();
    await expect(page.getByText('This cannot be undone.')).toBeVisible();
    await page.getByRole('button', { name: 'Yes, close it' }).click();
    await expect(page.getByTestId('conversation-status')).toHaveText('Closed');
    await expect(page.getByRole('button', { name: 'Resend booking link' })).toHaveCount(0);
    expect((await api('GET', `/v1/conversations/${link.conversationId}`)).body.status).toBe(
      'CLOSED',
    );
    // The API refuses to resend on a closed conversation, with a message that says why.
    const refused = await api('POST', '/v1/scheduling/resend-booking-url', {
      conversationId: link.conversationId,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('ended');
  });

  test('answers as the candidate in development, takes over, writes and hands back', async ({
    page,
  }, testInfo) => {
    const link = await createLink({ firstName: `Lu${tag()}` });
    await started(link.conversationId);
    await page.goto(`/dashboard/conversations/${link.conversationId}`);
    const thread = page.getByTestId('thread-message');
    await expect(thread).toHaveCount(1);

    // The dev transport reaches nobody: the recruiter answers as the candidate.
    await page.getByLabel('Reply as the candidate (development)').fill('Is the role remote?');
    await page.getByRole('button', { name: 'Reply as candidate' }).click();
    await expect(thread).toHaveCount(3);
    await expect(thread.nth(1)).toContainText('Candidate');
    await expect(thread.nth(1)).toContainText('Is the role remote?');
    await expect(thread.nth(2)).toContainText('Someone from the team will get back to you');
    await expect(page.getByText('Needs review', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: 'Take over' }).click();
    await expect(page.getByRole('button', { name: 'Hand back to the agent' })).toBeVisible();
    await page.getByLabel('Write to the candidate by email').fill('Yes, fully remote. Dana, Acme');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(thread).toHaveCount(4);
    await expect(thread.last()).toContainText('Recruiter');
    await expect(thread.last()).toContainText('Yes, fully remote.');
    await expectAccessible(page, 'conversation page, taken over');
    await saveScreenshot(page, testInfo, 'dashboard-1280-conversation-takeover');
    expect(
      (await api('GET', `/v1/conversations/${link.conversationId}`)).body.isHumanTakeover,
    ).toBe(true);

    await page.getByRole('button', { name: 'Hand back to the agent' }).click();
    await expect(page.getByRole('button', { name: 'Take over' })).toBeVisible();
    expect(
      (await api('GET', `/v1/conversations/${link.conversationId}`)).body.isHumanTakeover,
    ).toBe(false);
  });

  test('shows a booked meeting and the thread live', async ({ page }) => {
    const link = await createLink({ firstName: `Mo${tag()}` });
    await started(link.conversationId);
    await page.goto(`/dashboard/conversations/${link.conversationId}`);
    await expect(page.getByTestId('meeting-card')).toHaveCount(0);
    await expect(page.getByText('No meeting booked yet.')).toBeVisible();
    // Book through the public API: the open page picks the meeting up by itself.
    const slots = (
      await api('GET', `/v1/booking/${link.token}/slots?from=${todayPlus(2)}&to=${todayPlus(6)}`)
    ).body.slots as { start: string }[];
    const booked = await api('POST', `/v1/booking/${link.token}`, { start: slots[0]!.start });
    expect(booked.status).toBe(201);
    const card = page.getByTestId('meeting-card');
    await expect(card).toBeVisible({ timeout: 15_000 });
    await expect(card).toContainText('Ivy Interviewer (organizer)');
    await expect(card).toContainText('Scheduled');
    await expect(
      page.getByTestId('timeline-event').filter({ hasText: 'CALENDAR_MEETING_SCHEDULED' }),
    ).toHaveCount(1);
    await expect(page.getByTestId('conversation-status')).toHaveText('Completed');
    await expect(page.getByRole('button', { name: 'Resend booking link' })).toHaveCount(0);
  });

  test("another organization's conversation is a 404", async ({ page }) => {
    const campaign = await otherApi('POST', '/v1/campaigns', {
      campaignTitle: 'Theirs',
      channel: 'EMAIL',
    });
    expect(campaign.status).toBe(201);
    const theirs = await otherApi('POST', '/v1/conversations', {
      campaignId: campaign.body.id,
      firstName: 'Secret',
      emailAddress: uniqueEmail('secret'),
    });
    expect(theirs.status).toBe(201);
    const response = await page.goto(`/dashboard/conversations/${theirs.body.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText('Secret')).toHaveCount(0);
    const live = await page.request.get(`/dashboard/conversations/${theirs.body.id}/live`);
    expect(live.status()).toBe(404);
    // Nor does it show in A's list.
    await page.goto(`/dashboard/conversations?campaignId=${campaign.body.id}`);
    await expect(page.getByTestId('conversation-row')).toHaveCount(0);
    expect((await page.goto('/dashboard/conversations/not-a-uuid'))?.status()).toBe(404);
  });

  test('the list and a conversation fit a phone', async ({ page }, testInfo) => {
    const link = await createLink({ firstName: `Lee${tag()}` });
    await started(link.conversationId);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto('/dashboard/conversations');
    await expect(page.getByTestId('conversation-row').first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page, 'conversations list at 360 px');
    await saveScreenshot(page, testInfo, 'dashboard-360-conversations');
    await page.goto(`/dashboard/conversations/${link.conversationId}`);
    await expect(page.getByTestId('thread-message').first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page, 'conversation at 360 px');
    await saveScreenshot(page, testInfo, 'dashboard-360-conversation');
  });
});

test.describe('a viewer', () => {
  test.use({ storageState: signedInAs('VIEWER') });

  test('reads a conversation but has no Close or Resend button', async ({ page }) => {
    const link = await createLink({ firstName: `Vi${tag()}` });
    await started(link.conversationId);
    await page.goto(`/dashboard/conversations/${link.conversationId}`);
    await expect(page.getByTestId('thread-message').first()).toBeVisible();
    await expect(page.getByTestId('conversation-status')).toHaveText('Ongoing');
    await expect(page.getByRole('button', { name: 'Resend booking link' })).toHaveCount(0);
    await expect(page.getByText('Close conversation')).toHaveCount(0);
    await expect(page.getByRole('main').locator('form')).toHaveCount(0);
  });
});

function todayPlus(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
