import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { childDatabase, startChildApp } from '../support/child-app';
import { eventually } from '../support/factories';

describe('the development outbox with Resend configured', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('is not there (404) for a signed-in owner, and not in the navigation', async () => {
    const database = await childDatabase();
    cleanups.push(database.drop);
    const app = await startChildApp({
      ...database.env,
      PARLEY_DEMO_SEED: '1',
      RESEND_API_KEY: 're_test_key_for_the_outbox_check',
      RESEND_BASE_URL: 'http://127.0.0.1:9',
    });
    cleanups.push(() => app.stop());
    // The demo owner's one-time link, printed at boot (emails would go to Resend).
    const link = await eventually(
      () =>
        /(http\S+\/api\/auth\/callback\/email\?\S+)/.exec(
          fs.readFileSync(app.logFile, 'utf8'),
        )?.[1],
    );
    const signedIn = await fetch(link.replace(/^https?:\/\/[^/]+/, app.baseUrl), {
      redirect: 'manual',
    });
    const cookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect(cookie).toContain('next-auth.session-token=');
    const get = (path: string) =>
      fetch(`${app.baseUrl}${path}`, { redirect: 'manual', headers: { cookie } });
    const settings = await get('/dashboard/settings');
    expect(settings.status).toBe(200);
    expect(await settings.text()).not.toContain('/dashboard/outbox');
    expect((await get('/dashboard/outbox')).status).toBe(404);
  });
});
