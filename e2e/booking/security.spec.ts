import {
  createLink,
  dateIn,
  dateInDays,
  dayButton,
  expect,
  instantOf,
  MEETING_ZONE,
  showMonthOf,
  test,
} from '../fixtures/booking';

test('booking pages send a nonce CSP, frame protection and noindex, and nothing is blocked', async ({
  page,
}) => {
  const day = dateInDays(3);
  const link = await createLink({ slots: [{ date: day, startTime: '09:00', endTime: '10:00' }] });

  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(`pageerror: ${error.message}`));
  // React reports a hydration mismatch between the server's HTML and the island as a console error.
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const list = ((window as any).__cspViolations ??= []) as string[];
      list.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });

  const response = await page.goto(`/book/${link.token}`);
  const headers = response!.headers();
  const csp = headers['content-security-policy'];
  expect(csp).toBeDefined();
  const nonce = /'nonce-([^']+)'/.exec(csp!)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['permissions-policy']).toContain('camera=()');
  // Served over plain http here: no HSTS (an https request gets it, see the HTTP tests).
  expect(headers['strict-transport-security']).toBeUndefined();
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /icon\.svg/);
  await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute('content', /noindex/);

  // Every script in the document carries this response's nonce.
  const html = await response!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  // Use the page (fetches, chunk loads, state changes), then check nothing was refused.
  const localDay = dateIn(instantOf(day, '09:00'), MEETING_ZONE);
  // The zone list loads its own chunk: it must pass the policy too.
  await page.getByRole('combobox', { name: 'Time zone' }).click();
  await page.getByRole('combobox', { name: 'Time zone' }).fill('tokyo');
  await expect(page.getByRole('option').first()).toHaveAttribute('data-zone', 'Asia/Tokyo');
  await page.keyboard.press('Escape');
  await showMonthOf(page, localDay);
  await dayButton(page, localDay).click();
  await page.getByTestId('slot-list').getByRole('button').first().click();
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByRole('heading', { name: 'You’re booked' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your interview is booked' })).toBeVisible();

  expect(await page.evaluate(() => (window as any).__cspViolations ?? [])).toEqual([]);
  expect(violations).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('names and titles are shown as text, never as markup', async ({ page }) => {
  const link = await createLink({ firstName: '<img src=x onerror="window.__xss=1">' });
  await page.goto(`/book/${link.token}`);
  // The candidate's name is in the meeting's title, under the heading.
  const summary = page.locator('section[aria-labelledby="booking-title"]');
  await expect(summary).toContainText('<img src=x onerror="window.__xss=1">');
  await expect(summary.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
});
