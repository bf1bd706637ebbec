import type { Page } from '@playwright/test';
import { expectAccessible } from '../fixtures/axe';
import { api, baseUrl, saveScreenshot } from '../fixtures/booking';
import {
  expect,
  expectNoHorizontalOverflow,
  otherApi,
  signedInAs,
  test,
} from '../fixtures/dashboard';
import { isSignedWith, startReceiver } from '../fixtures/receiver';

/**
 * Events no other test emits: the browser tests run in parallel in one organization, and these
 * tests count the deliveries of their endpoints (a test event is sent whatever the filter).
 */
const QUIET_EVENTS = ['CALENDAR_MORE_TIME_REQUESTED', 'CONVERSATION_OPTED_OUT'];

const ORGANIZATION_ID = () => process.env.PARLEY_E2E_ORGANIZATION_ID!;

/** A call to the API with a given key, as an integrator makes it. */
async function statusWithKey(apiKey: string): Promise<number> {
  const response = await fetch(`${baseUrl()}/v1/campaigns`, {
    headers: { 'x-api-key': apiKey, 'x-organization-id': ORGANIZATION_ID() },
  });
  return response.status;
}

test.describe('an admin', () => {
  test.use({ storageState: signedInAs('ADMIN') });

  test('creates an API key shown once, uses it, and revokes it', async ({ page }, testInfo) => {
    const name = `Greenhouse ${Date.now()}`;
    await page.goto('/dashboard/developers');
    await expect(page.getByRole('heading', { name: 'Developers', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: /OpenAPI 3\.1 document/ })).toHaveAttribute(
      'href',
      '/v1/openapi.json',
    );
    await expectAccessible(page, 'developers');

    await page.getByLabel('Key name').fill(name);
    await page.getByLabel('Expires').selectOption({ label: '30 days' });
    await page.getByRole('button', { name: 'Create API key' }).click();
    const shown = page.getByTestId('secret-once');
    await expect(shown).toContainText('you won’t see it again');
    await expect(shown.getByRole('button', { name: 'Copy' })).toBeVisible();
    const apiKey = (await shown.getByTestId('secret-value').textContent())!.trim();
    expect(apiKey).toMatch(/^pk_[A-Za-z0-9_-]{20,}$/);
    await expectAccessible(page, 'new API key shown once');
    await saveScreenshot(page, testInfo, 'dashboard-1280-developers-new-key');

    // The key works against the API.
    expect(await statusWithKey(apiKey)).toBe(200);

    // After a reload only its last characters are left.
    await page.reload();
    await expect(page.getByTestId('secret-once')).toHaveCount(0);
    expect(await page.content()).not.toContain(apiKey);
    const row = page.getByTestId('api-key').filter({ hasText: name });
    await expect(row).toContainText(`pk_…${apiKey.slice(-8)}`);
    await expect(row).toContainText('Active');
    await expect(row).toContainText('Last used');

    // Revoke, after a confirmation; the API refuses the key from then on.
    await row.getByRole('button', { name: 'Revoke' }).click();
    const dialog = page.getByRole('dialog', { name: `Revoke “${name}”?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('answers 401');
    await expectAccessible(page, 'revoke dialog');
    await saveScreenshot(page, testInfo, 'dashboard-1280-developers-revoke');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await statusWithKey(apiKey)).toBe(200);
    await row.getByRole('button', { name: 'Revoke' }).click();
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('Revoked');
    await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0);
    expect(await statusWithKey(apiKey)).toBe(401);
  });

  test('shows a validation error at the field', async ({ page }) => {
    await page.goto('/dashboard/developers');
    await page.getByLabel('Key name').fill('   ');
    await page.getByRole('button', { name: 'Create API key' }).click();
    await expect(page.getByLabel('Key name')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('[data-field-error]').first()).toContainText('must not be empty');
  });

  test('registers an endpoint, tests it, replays a failed delivery and rotates its secret', async ({
    page,
  }, testInfo) => {
    const receiver = await startReceiver();
    try {
      await page.goto('/dashboard/developers');
      await page.getByLabel('Endpoint URL').fill(receiver.url);
      await page.getByLabel('Description (optional)').fill('Our ATS');
      // Events no other test emits: the tests run in parallel in one organization, and this one
      // counts the deliveries its endpoint gets.
      await page.getByLabel('CALENDAR_MORE_TIME_REQUESTED').check();
      await page.getByLabel('CONVERSATION_OPTED_OUT').check();
      await page.getByRole('button', { name: 'Add endpoint' }).click();
      const shown = page.getByTestId('secret-once');
      await expect(shown).toContainText('you won’t see it again');
      const secret = (await shown.getByTestId('secret-value').textContent())!.trim();
      expect(secret).toMatch(/^whsec_/);
      const listed = page.getByTestId('webhook-endpoint').filter({ hasText: receiver.url });
      await expect(listed).toContainText('CALENDAR_MORE_TIME_REQUESTED, CONVERSATION_OPTED_OUT');
      await expectAccessible(page, 'new webhook secret shown once');

      await listed.getByRole('link', { name: receiver.url }).click();
      await expect(page.getByRole('heading', { name: 'Webhook endpoint' })).toBeVisible();
      await expect(page.getByText('Nothing was sent to this endpoint yet.')).toBeVisible();

      // A test event, delivered and signed with the secret shown once.
      await page.getByRole('button', { name: 'Send test event' }).click();
      await expect(page.getByText('Test event delivered: HTTP 200.')).toBeVisible();
      const deliveries = page.getByTestId('delivery');
      await expect(deliveries).toHaveCount(1);
      await expect(deliveries.first().getByTestId('status-code')).toHaveText('200');
      await expect(deliveries.first()).toContainText('WEBHOOK_TEST');
      await expect(deliveries.first()).toContainText(/\d+ ms/);
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]!.json.event).toBe('WEBHOOK_TEST');
      expect(isSignedWith(secret, receiver.received[0]!)).toBe(true);

      // The receiver fails: the delivery shows the 500 and the endpoint is highlighted.
      receiver.answerWith(500);
      await page.getByRole('button', { name: 'Send test event' }).click();
      await expect(page.getByText('The test event was not accepted: HTTP 500.')).toBeVisible();
      await expect(deliveries).toHaveCount(2);
      const failed = deliveries.first();
      await expect(failed).toHaveAttribute('data-status', 'FAILED');
      await expect(failed.getByTestId('status-code')).toHaveText('500');
      await expect(failed).toContainText('HTTP 500');
      const failedEventId = String(receiver.received[1]!.headers['webhook-id']);
      await expectAccessible(page, 'endpoint with a failed delivery');
      await saveScreenshot(page, testInfo, 'dashboard-1280-webhook-failed');
      const endpointUrl = page.url();
      await page.goto('/dashboard/developers');
      await expect(
        page.getByTestId('webhook-endpoint').filter({ hasText: receiver.url }),
      ).toHaveAttribute('data-failing', 'true');
      await page.goto(endpointUrl);

      // Fixed: replaying sends the same event again (same webhook-id), through the job queue.
      receiver.answerWith(200);
      await deliveries.first().getByRole('button', { name: 'Replay' }).click();
      await expect(deliveries.first()).toHaveAttribute('data-status', 'SUCCEEDED', {
        timeout: 20_000,
      });
      await expect(deliveries.first().getByTestId('status-code')).toHaveText('200');
      await expect(deliveries.first().getByTestId('attempt')).toHaveText('2');
      await expect(deliveries).toHaveCount(2);
      expect(receiver.received).toHaveLength(3);
      expect(receiver.received[2]!.headers['webhook-id']).toBe(failedEventId);
      expect(receiver.received[2]!.answered).toBe(200);
      await page.reload();
      await expect(deliveries.first()).toHaveAttribute('data-status', 'SUCCEEDED');
      await page.goto('/dashboard/developers');
      await expect(
        page.getByTestId('webhook-endpoint').filter({ hasText: receiver.url }),
      ).not.toHaveAttribute('data-failing', 'true');
      await page.goto(endpointUrl);

      // Rotate: a new secret shown once; the old one still signs beside it for a day.
      await page.getByRole('button', { name: 'Rotate secret' }).click();
      const dialog = page.getByRole('dialog', { name: 'Make a new signing secret?' });
      await expect(dialog).toContainText('24 hours');
      await expectAccessible(page, 'rotate secret dialog');
      await dialog.getByRole('button', { name: 'Rotate secret' }).click();
      await expect(dialog).toBeHidden();
      const rotated = page.getByTestId('secret-once');
      const newSecret = (await rotated.getByTestId('secret-value').textContent())!.trim();
      expect(newSecret).toMatch(/^whsec_/);
      expect(newSecret).not.toBe(secret);
      await page.getByRole('button', { name: 'Send test event' }).click();
      await expect(page.getByText('Test event delivered: HTTP 200.')).toBeVisible();
      const last = receiver.received.at(-1)!;
      expect(isSignedWith(newSecret, last)).toBe(true);
      expect(isSignedWith(secret, last)).toBe(true);

      // Delete, after a confirmation.
      await page.getByRole('button', { name: 'Delete endpoint' }).click();
      const remove = page.getByRole('dialog', { name: 'Delete this endpoint?' });
      await expectAccessible(page, 'delete endpoint dialog');
      await remove.getByRole('button', { name: 'Delete endpoint' }).click();
      await expect(page).toHaveURL(/\/dashboard\/developers$/);
      await expect(
        page.getByTestId('webhook-endpoint').filter({ hasText: receiver.url }),
      ).toHaveCount(0);
      expect((await page.goto(endpointUrl))!.status()).toBe(404);
    } finally {
      await receiver.close();
    }
  });

  test('the developers pages fit a phone', async ({ page }, testInfo) => {
    const receiver = await startReceiver();
    try {
      const created = await api('POST', '/v1/webhooks', {
        url: `${receiver.url}?phone=${'x'.repeat(60)}`,
        description: 'A long URL on a phone',
        events: QUIET_EVENTS,
      });
      expect(created.status).toBe(201);
      receiver.answerWith(500);
      await api('POST', `/v1/webhooks/${created.body.id}/test`);
      await page.setViewportSize({ width: 360, height: 780 });
      await page.goto('/dashboard/developers');
      await page.getByLabel('Key name').fill('Phone key');
      await page.getByRole('button', { name: 'Create API key' }).click();
      await expect(page.getByTestId('secret-once')).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await expectAccessible(page, 'developers at 360 px');
      await saveScreenshot(page, testInfo, 'dashboard-360-developers');

      await page.goto(`/dashboard/developers/webhooks/${created.body.id}`);
      await expect(page.getByTestId('delivery')).toHaveCount(1);
      await expectNoHorizontalOverflow(page);
      await expectAccessible(page, 'webhook endpoint at 360 px');
      await saveScreenshot(page, testInfo, 'dashboard-360-webhook');
      await page.getByRole('button', { name: 'Rotate secret' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await saveScreenshot(page, testInfo, 'dashboard-360-webhook-rotate');
      await api('DELETE', `/v1/webhooks/${created.body.id}`);
    } finally {
      await receiver.close();
    }
  });
});

test.describe('a viewer', () => {
  test.use({ storageState: signedInAs('VIEWER') });

  test('reads keys, endpoints and deliveries but sees no control that changes them', async ({
    page,
  }) => {
    const receiver = await startReceiver();
    try {
      const created = await api('POST', '/v1/webhooks', {
        url: receiver.url,
        events: QUIET_EVENTS,
      });
      expect(created.status).toBe(201);
      receiver.answerWith(500);
      await api('POST', `/v1/webhooks/${created.body.id}/test`);

      await page.goto('/dashboard/developers');
      await expect(page.getByTestId('api-key').first()).toBeVisible();
      await expect(
        page.getByTestId('webhook-endpoint').filter({ hasText: receiver.url }),
      ).toBeVisible();
      await expect(page.locator('main form, main button, main input, main select')).toHaveCount(0);
      await expect(page.getByTestId('secret-once')).toHaveCount(0);
      expect(await page.content()).not.toContain('whsec_');
      await expectAccessible(page, 'developers as a viewer');

      await page.goto(`/dashboard/developers/webhooks/${created.body.id}`);
      await expect(page.getByTestId('delivery')).toHaveCount(1);
      await expect(page.getByTestId('status-code')).toHaveText('500');
      await expect(page.locator('main form, main button, main input, main select')).toHaveCount(0);
      expect(await page.content()).not.toContain('whsec_');

      // The deliveries the page polls are readable; another organization's endpoint is a 404.
      const live = await page.request.get(
        `/dashboard/developers/webhooks/${created.body.id}/deliveries`,
      );
      expect(live.status()).toBe(200);
      const theirs = await otherApi('POST', '/v1/webhooks', { url: receiver.url });
      expect(theirs.status).toBe(201);
      expect((await page.goto(`/dashboard/developers/webhooks/${theirs.body.id}`))!.status()).toBe(
        404,
      );
      const theirDeliveries = await page.request.get(
        `/dashboard/developers/webhooks/${theirs.body.id}/deliveries`,
      );
      expect(theirDeliveries.status()).toBe(404);
      await otherApi('DELETE', `/v1/webhooks/${theirs.body.id}`);
      await api('DELETE', `/v1/webhooks/${created.body.id}`);
    } finally {
      await receiver.close();
    }
  });

  test('a forged call to an admin action is refused', async ({ page, browser }) => {
    const created = await api('POST', '/v1/webhooks', {
      url: 'http://127.0.0.1:9/forged',
      events: QUIET_EVENTS,
    });
    expect(created.status).toBe(201);
    const endpointPath = `/dashboard/developers/webhooks/${created.body.id}`;
    // The admin's "Delete endpoint" form, as the admin's page renders it (progressive enhancement).
    const admin = await browser.newContext({
      storageState: signedInAs('ADMIN'),
      baseURL: baseUrl(),
    });
    const adminPage = await admin.newPage();
    await adminPage.goto(endpointPath);
    const form = await adminPage
      .locator('dialog form')
      .filter({
        has: adminPage.getByRole('button', { name: 'Delete endpoint', includeHidden: true }),
      })
      .evaluate((f) => f.outerHTML);
    const submit = async (target: Page) => {
      await target.goto(endpointPath);
      await Promise.all([
        target.waitForEvent('load'),
        target.evaluate((html) => {
          const holder = document.createElement('div');
          holder.innerHTML = html;
          document.body.append(holder);
          holder.querySelector('form')!.submit();
        }, form),
      ]);
    };

    // The viewer posts it: refused, the endpoint is still there.
    await submit(page);
    expect((await api('GET', `/v1/webhooks/${created.body.id}`)).status).toBe(200);
    // The same form posted by the admin does delete it (so the forged call was a real one).
    await submit(adminPage);
    await expect
      .poll(async () => (await api('GET', `/v1/webhooks/${created.body.id}`)).status)
      .toBe(404);
    await admin.close();
  });
});
