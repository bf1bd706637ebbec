import {
  baseUrl,
  saveScreenshot,
  createLink,
  dateIn,
  dateInDays,
  dayButton,
  expect,
  instantOf,
  MEETING_ZONE,
  showMonthOf,
  test,
  uniqueEmail,
} from '../fixtures/booking';

test('a second candidate cannot take the time the first one just booked', async ({
  browser,
}, testInfo) => {
  // Two links sharing one interviewer: whoever confirms first gets 09:00.
  const interviewer = uniqueEmail('shared');
  const day = dateInDays(3);
  const slots = [{ date: day, startTime: '09:00', endTime: '10:00' }];
  const first = await createLink({ interviewerEmail: interviewer, slots, firstName: 'Alice' });
  const second = await createLink({ interviewerEmail: interviewer, slots, firstName: 'Bob' });
  const nine = new Date(instantOf(day, '09:00')).toISOString();
  const nineThirty = new Date(instantOf(day, '09:30')).toISOString();
  const localDay = dateIn(Date.parse(nine), MEETING_ZONE);

  const options = { baseURL: baseUrl(), locale: 'en-US', timezoneId: MEETING_ZONE };
  const alice = await (await browser.newContext(options)).newPage();
  const bob = await (await browser.newContext(options)).newPage();
  try {
    // Bob gets as far as the confirm step for 09:00 …
    await bob.goto(`/book/${second.token}`);
    await showMonthOf(bob, localDay);
    await dayButton(bob, localDay).click();
    await bob.locator(`[data-start="${nine}"]`).click();
    await expect(bob.getByRole('button', { name: 'Confirm booking' })).toBeVisible();

    // … while Alice books it in her own browser.
    await alice.goto(`/book/${first.token}`);
    await showMonthOf(alice, localDay);
    await dayButton(alice, localDay).click();
    await alice.locator(`[data-start="${nine}"]`).click();
    await alice.getByRole('button', { name: 'Confirm booking' }).click();
    await expect(alice.getByRole('heading', { name: 'You’re booked' })).toBeVisible();

    // Bob's confirmation gets the friendly 409 message and fresh times without 09:00.
    await bob.getByRole('button', { name: 'Confirm booking' }).click();
    await expect(bob.getByTestId('pick-notice')).toContainText('that time was just taken');
    await expect(bob.getByTestId('pick-notice')).toHaveAttribute('role', 'alert');
    await expect(bob.getByTestId('slot-list')).toBeVisible();
    await expect(bob.locator(`[data-start="${nineThirty}"]`)).toBeVisible();
    await expect(bob.locator(`[data-start="${nine}"]`)).toHaveCount(0);
    await saveScreenshot(bob, testInfo, 'booking-1280-8-slot-taken');

    // He can still book what is left.
    await bob.locator(`[data-start="${nineThirty}"]`).click();
    await bob.getByRole('button', { name: 'Confirm booking' }).click();
    await expect(bob.getByRole('heading', { name: 'You’re booked' })).toBeVisible();
  } finally {
    await alice.context().close();
    await bob.context().close();
  }
});
