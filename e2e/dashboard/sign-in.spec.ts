import { expectAccessible } from '../fixtures/axe';
import { emailOf, expect, signedInAs, signInByEmail, test } from '../fixtures/dashboard';

test('a recruiter signs in with the magic link from the outbox', async ({ page }) => {
  await page.goto('/dashboard');
  // Signed out: sign in first, and come back here afterwards.
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
  await expectAccessible(page, 'sign-in');
  await signInByEmail(page, emailOf('RECRUITER'));
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByText(emailOf('RECRUITER'))).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Dashboard' })).toBeVisible();
  await expectAccessible(page, 'overview');

  // A link works once.
  await page.goto('/dev/mailbox');
  const used = await page
    .locator('section')
    .filter({ hasText: `To ${emailOf('RECRUITER')}` })
    .first()
    .locator('a[href*="/api/auth/callback/email"]')
    .getAttribute('href');
  const fresh = await page.context().browser()!.newContext();
  const other = await fresh.newPage();
  await other.goto(used!);
  await expect(other).toHaveURL(/\/signin\?error=Verification/);
  await expect(other.getByRole('main').getByRole('alert')).toContainText(
    'expired or was already used',
  );
  await fresh.close();
});

test('an unknown address is told the same as a known one, and gets no email', async ({ page }) => {
  const stranger = `stranger.${Date.now()}@example.com`;
  await page.goto('/signin');
  await page.getByLabel('Work email').fill(stranger);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expect(page.getByText('If the address belongs to a Parley account')).toBeVisible();
  await expectAccessible(page, 'check your email');
  await page.goto('/dev/mailbox');
  await expect(page.getByText(`To ${stranger}`)).toHaveCount(0);
});

test('a bad address is refused at the field', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Work email').fill('not-an-address');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByLabel('Work email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter your work email address')).toBeVisible();
});

test.describe('a member of two organizations', () => {
  test.use({ storageState: signedInAs('OWNER') });

  test('switches between them', async ({ page }) => {
    await page.goto('/dashboard');
    await expect(page.getByText('What needs attention at E2E Recruiting.')).toBeVisible();
    // By id: settings.spec.ts renames organization B for a moment.
    await page
      .getByLabel('Organization')
      .selectOption(process.env.PARLEY_E2E_OTHER_ORGANIZATION_ID!);
    await page.getByRole('button', { name: 'Switch' }).click();
    await expect(
      page.getByText(/What needs attention at Other Company( Renamed)?\./),
    ).toBeVisible();
    await page.getByLabel('Organization').selectOption({ label: 'E2E Recruiting' });
    await page.getByRole('button', { name: 'Switch' }).click();
    await expect(page.getByText('What needs attention at E2E Recruiting.')).toBeVisible();
  });
});
