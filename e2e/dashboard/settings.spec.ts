import { expectAccessible } from '../fixtures/axe';
import { saveScreenshot, uniqueEmail } from '../fixtures/booking';
import {
  emailOf,
  expect,
  expectNoHorizontalOverflow,
  signedInAs,
  test,
} from '../fixtures/dashboard';
import type { Page } from '@playwright/test';

const memberRow = (page: Page, text: string) =>
  page.getByTestId('member-row').filter({ hasText: text });

test.describe('an admin', () => {
  test.use({ storageState: signedInAs('ADMIN') });

  test('invites a member by email, changes their role and removes them', async ({
    page,
  }, testInfo) => {
    await page.goto('/dashboard/settings');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(memberRow(page, emailOf('OWNER'))).toContainText('Owner');
    await expectAccessible(page, 'settings as admin');

    // An admin offers every role but owner.
    const inviteRole = page.getByLabel('Role', { exact: true });
    const offered = await inviteRole
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(['ADMIN', 'RECRUITER', 'VIEWER']);

    const email = uniqueEmail('new.hire');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Name (optional)').fill('Nova Hire');
    await inviteRole.selectOption('VIEWER');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();
    const pending = page.getByRole('list', { name: 'Pending invitations' });
    const row = pending.getByTestId('member-row').filter({ hasText: 'Nova Hire' });
    await expect(row).toContainText(email);
    await expect(row).toContainText('Viewer');
    await expect(row).toContainText('not signed in yet');
    await saveScreenshot(page, testInfo, 'dashboard-1280-settings-admin');

    // The same address again is refused at the field.
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.locator('[data-field-error]')).toContainText('already a member');

    // Change the role; an admin cannot make an owner.
    const role = row.getByLabel('Role of Nova Hire');
    expect(
      await role
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['ADMIN', 'RECRUITER', 'VIEWER']);
    await role.selectOption('RECRUITER');
    await row.getByRole('button', { name: 'Change role' }).click();
    await expect(row.getByText('Role changed to recruiter.')).toBeVisible();
    await expect(row.locator('span', { hasText: /^Recruiter$/ })).toBeVisible();

    // The invitation is in the development mailbox, with its sign-in link.
    await page.goto('/dev/mailbox');
    const mail = page.locator('section').filter({ hasText: `To ${email}` });
    await expect(mail.getByRole('heading')).toHaveText(
      "You're invited to E2E Recruiting on Parley",
    );
    await expect(mail.locator('a[href*="/api/auth/callback/email"]')).toBeVisible();

    // Remove, after a confirmation.
    await page.goto('/dashboard/settings');
    const again = memberRow(page, 'Nova Hire');
    await again.getByText('Remove', { exact: true }).click();
    await expect(again.getByText('Nova Hire will lose access')).toBeVisible();
    await again.getByRole('button', { name: 'Remove Nova Hire' }).click();
    await expect(page.getByText(`${email} was removed from the organization.`)).toBeVisible();
    await expect(memberRow(page, 'Nova Hire')).toHaveCount(0);
  });

  test('cannot change or remove an owner', async ({ page }) => {
    await page.goto('/dashboard/settings');
    const owner = memberRow(page, emailOf('OWNER'));
    await expect(owner).toBeVisible();
    await expect(owner.getByRole('button')).toHaveCount(0);
    await expect(owner.getByText('Remove')).toHaveCount(0);
    await expect(owner.locator('select')).toHaveCount(0);
  });
});

test.describe('an owner', () => {
  test.use({ storageState: signedInAs('OWNER') });

  test('sees the ownership option, and renames an organization', async ({ page, context }) => {
    await page.goto('/dashboard/settings');
    const recruiter = memberRow(page, emailOf('RECRUITER'));
    expect(
      await recruiter
        .getByLabel(/Role of/)
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(['OWNER', 'ADMIN', 'RECRUITER', 'VIEWER']);
    await expect(
      page.getByLabel('Role', { exact: true }).locator('option[value="OWNER"]'),
    ).toHaveCount(1);
    // The only owner of organization A cannot step down or leave.
    const self = memberRow(page, emailOf('OWNER'));
    await expect(self).toContainText('(you)');
    await expect(self.getByText('Leave')).toHaveCount(0);

    // Rename organization B (this owner's other one; A's name is what the other tests read),
    // then give it its name back.
    await context.addCookies([
      {
        name: 'parley_org',
        value: process.env.PARLEY_E2E_OTHER_ORGANIZATION_ID!,
        url: process.env.PARLEY_E2E_BASE_URL!,
      },
    ]);
    await page.goto('/dashboard/settings');
    const name = page.getByLabel('Organization name');
    await expect(name).toHaveValue('Other Company');
    await name.fill('   ');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(page.locator('[data-field-error]')).toHaveText('must not be empty');
    await name.fill('Other Company Renamed');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(
      page.getByText('The organization is now called Other Company Renamed.'),
    ).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Organization name')).toHaveValue('Other Company Renamed');
    await page.getByLabel('Organization name').fill('Other Company');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(page.getByText('The organization is now called Other Company.')).toBeVisible();
  });

  test('the settings page fits a phone', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto('/dashboard/settings');
    await expect(page.getByTestId('member-row').first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await expectAccessible(page, 'settings at 360 px');
    await saveScreenshot(page, testInfo, 'dashboard-360-settings');
  });
});

test.describe('a viewer', () => {
  test.use({ storageState: signedInAs('VIEWER') });

  test('reads the members and sees no control that changes anything', async ({ page }) => {
    await page.goto('/dashboard/settings');
    await expect(memberRow(page, emailOf('ADMIN'))).toContainText('Admin');
    await expect(page.getByTestId('organization-name')).toHaveText('E2E Recruiting');
    const main = page.locator('main');
    await expect(main.locator('form, input, select, textarea, button')).toHaveCount(0);
    await expect(main.getByText('Remove')).toHaveCount(0);
    await expectAccessible(page, 'settings as viewer');
  });
});
