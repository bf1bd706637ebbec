import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { accountEmails, authSessions, users } from '@/lib/server/db/schema/users';
import { createSignInLink } from '@/lib/server/auth/sign-in-links';
import { inviteMember } from '@/lib/server/services/members/invite-member';
import { baseUrl } from '../support/api';
import { newOrganization, uniqueEmail } from '../support/factories';

const SESSION_COOKIE = 'next-auth.session-token';

/** A request with a browser's cookie jar of one cookie string; redirects are returned, not followed. */
async function get(path: string, cookie?: string) {
  return fetch(`${await baseUrl()}${path}`, {
    redirect: 'manual',
    headers: cookie ? { cookie } : {},
  });
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Where a browser ends up opening `url` (next-auth's own error pages forward to Parley's). */
async function finalUrl(url: string): Promise<string> {
  return (await fetch(url.replace(/^https?:\/\/[^/]+/, await baseUrl()))).url;
}

/** Opens a sign-in link as a browser does and returns the session cookie it set. */
async function signInWith(url: string): Promise<{ response: Response; cookie: string }> {
  const response = await fetch(url.replace(/^https?:\/\/[^/]+/, await baseUrl()), {
    redirect: 'manual',
  });
  return { response, cookie: cookiesOf(response) };
}

describe('dashboard sign-in', () => {
  let organizationId: string;

  beforeAll(async () => {
    organizationId = (await newOrganization('Sign-in Test Org')).auth.organizationId;
  });

  it('signs an invited member in with a one-time link, into a database session', async () => {
    const email = uniqueEmail('recruiter');
    const invited = await inviteMember(getDb(), {
      organizationId,
      values: { email, role: 'RECRUITER' },
      now: new Date(),
      email: false,
    });
    const { response, cookie } = await signInWith(invited.signInUrl);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/\/dashboard$/);
    expect(cookie).toContain(`${SESSION_COOKIE}=`);

    const dashboard = await get('/dashboard', cookie);
    expect(dashboard.status).toBe(200);
    const html = await dashboard.text();
    expect(html).toContain(email);
    expect(html).toContain('Sign-in Test Org');

    // The session lives in the database, the cookie's token only as a hash.
    const token = /next-auth\.session-token=([^;]+)/.exec(cookie)![1]!;
    const [user] = await getDb().select().from(users).where(eq(users.email, email));
    const sessions = await getDb()
      .select()
      .from(authSessions)
      .where(eq(authSessions.userId, user!.id));
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.tokenHash).not.toContain(token);
    expect(sessions[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    // The link works once.
    expect(await finalUrl(invited.signInUrl)).toMatch(/\/signin\?error=Verification$/);

    // An expired session is the same as none: back to sign-in.
    await getDb()
      .update(authSessions)
      .set({ expires: new Date(Date.now() - 1000) })
      .where(eq(authSessions.userId, user!.id));
    const expired = await get('/dashboard', cookie);
    expect(expired.status).toBe(307);
    expect(expired.headers.get('location')).toMatch(/\/signin\?callbackUrl=%2Fdashboard/);
  });

  it('sends a link only to invited addresses, and says the same either way', async () => {
    const member = uniqueEmail('member');
    await inviteMember(getDb(), {
      organizationId,
      values: { email: member, role: 'VIEWER' },
      now: new Date(),
      email: false,
    });
    const stranger = uniqueEmail('stranger');
    for (const email of [member, stranger]) {
      const csrf = await get('/api/auth/csrf');
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const response = await fetch(`${await baseUrl()}/api/auth/signin/email`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: cookiesOf(csrf),
        },
        body: new URLSearchParams({ email, csrfToken, callbackUrl: '/dashboard' }),
      });
      expect(response.status).toBe(200);
      expect(response.url).toMatch(/\/signin\/check-email/);
    }
    const sent = await getDb().select().from(accountEmails);
    const to = (email: string) => sent.filter((e) => e.toAddress === email);
    expect(to(member)).toHaveLength(1);
    expect(to(member)[0]!.body).toMatch(/\/api\/auth\/callback\/email\?/);
    expect(to(stranger)).toHaveLength(0);
  });

  it('keeps people who belong to no organization out, even with a valid link', async () => {
    const email = uniqueEmail('nobody');
    await getDb().insert(users).values({ id: crypto.randomUUID(), email });
    const link = await createSignInLink(getDb(), { email, now: new Date() });
    const { cookie } = await signInWith(link.url);
    expect(cookie).not.toContain(SESSION_COOKIE);
    const again = await createSignInLink(getDb(), { email, now: new Date() });
    expect(await finalUrl(again.url)).toMatch(/\/signin\?error=AccessDenied$/);
  });

  it('sends signed-out visitors to sign in, and hides the development mailbox in production', async () => {
    const page = await get('/dashboard?tab=x');
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toMatch(/\/signin\?callbackUrl=%2Fdashboard%3Ftab%3Dx$/);
    expect((await get('/dev/mailbox')).status).toBe(404);
    expect((await get('/signin')).status).toBe(200);
  });
});
