import { and, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { markNeedsReconnect } from '@/lib/server/calendar/connection-health';
import { CONNECT_COOKIE, newConnectState } from '@/lib/server/calendar/connect-state';
import { encryptSecret } from '@/lib/server/crypto/secrets';
import { getDb } from '@/lib/server/db/client';
import {
  calendarConnections,
  calendarInvites,
  devCalendarBusy,
  userCalendars,
} from '@/lib/server/db/schema/calendars';
import { accountEmails } from '@/lib/server/db/schema/users';
import { newId } from '@/lib/server/ids';
import { call, type Client } from '../support/api';
import { connectionsOf, localPath, tokenOfLink, visit } from '../support/connect';
import {
  callAction,
  formStateOf,
  serverActionsUnder,
  signInMember,
  type SignedIn,
} from '../support/dashboard';
import {
  dateInDays,
  eventually,
  meetingConfiguration,
  newCampaign,
  newOrganization,
  schedulingBody,
  uniqueEmail,
} from '../support/factories';

/**
 * People and their calendar connections (DESIGN §3, §6): the invite API and its email, the
 * connect link's page, the development calendar, the OAuth callback's refusals (nothing stored),
 * the reconnect email, and the dashboard's interviewers page and actions.
 */

const db = () => getDb();

async function emailsTo(address: string) {
  return db()
    .select()
    .from(accountEmails)
    .where(eq(accountEmails.toAddress, address))
    .orderBy(desc(accountEmails.id));
}

async function connectDev(token: string) {
  return visit('/connect/dev', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ invite: token }).toString(),
  });
}

function interviewersAction(name: string) {
  const action = serverActionsUnder('app/(site)/dashboard/interviewers').find(
    (a) => a.exportedName === name,
  );
  if (!action) throw new Error(`no ${name} in the build: run npm run build`);
  return action;
}

async function act(who: SignedIn, name: string, fields: Record<string, string>) {
  const response = await callAction({
    action: interviewersAction(name),
    path: '/dashboard/interviewers',
    cookie: who.cookie,
    fields,
  });
  expect(response.status, response.text.slice(0, 500)).toBe(200);
  const state = formStateOf(response.text);
  expect(state, response.text.slice(0, 500)).not.toBeNull();
  return state!;
}

describe('user calendars and connecting them', () => {
  let api: Client;
  let organizationId: string;

  beforeAll(async () => {
    api = await newOrganization('Calendars Org');
    organizationId = api.auth.organizationId;
  });

  it('invites by email, and the link connects the development calendar once', async () => {
    const email = uniqueEmail('rita');
    const invited = await api.post('/v1/user-calendars/invite', { name: 'Rita Ng', email });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect(invited.body).toEqual({
      id: expect.any(String),
      connectUrl: expect.stringMatching(/\/connect\/invite\/[A-Za-z0-9_-]{40,}$/),
    });
    const [sent] = await emailsTo(email);
    expect(sent!.subject).toBe('Calendars Org asks you to connect your calendar');
    expect(sent!.body).toContain(invited.body.connectUrl);
    expect(sent!.status).toBe('SENT');

    const before = await api.get(`/v1/user-calendars/${invited.body.id}`);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      id: invited.body.id,
      email,
      name: 'Rita Ng',
      connection: null,
      availability: null,
      waitingConversations: 0,
      availabilitySavedAt: null,
      availabilityRequest: null,
    });

    const landing = await visit(localPath(invited.body.connectUrl));
    expect(landing.status).toBe(200);
    expect(landing.text).toContain('Calendars Org');
    expect(landing.text).toContain('Rita Ng');
    // The suite configures Microsoft only (and keeps the labelled development calendar).
    expect(landing.text).toContain('Use the development calendar');
    expect(landing.text).not.toContain('/connect/google');
    expect(landing.text).toContain('/connect/microsoft?invite=');

    const token = tokenOfLink(invited.body.connectUrl);
    const connected = await connectDev(token);
    expect(connected.status).toBe(303);
    expect(connected.location).toMatch(/\/connect\/done\?provider=dev$/);
    const done = await visit(localPath(connected.location!));
    expect(done.text).toContain('The development calendar is connected');

    const after = await api.get(`/v1/user-calendars/${invited.body.id}`);
    expect(after.body.connection).toEqual({
      provider: 'DEV',
      status: 'CONNECTED',
      connectedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*\.\d{3}Z$/),
      accountEmail: null,
      failure: null,
    });

    // The link is spent: its page says so, and it connects nothing again.
    expect((await visit(localPath(invited.body.connectUrl))).text).toContain(
      'This link no longer works',
    );
    const again = await connectDev(token);
    expect(again.location).toMatch(/\/connect\/failed\?reason=used$/);
    expect(await connectionsOf(organizationId, email)).toHaveLength(1);

    // Now the person can be a calendar-connected participant.
    const campaignId = await newCampaign(api, { channel: 'EMAIL' });
    const conversation = await api.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, {
        meetingParticipants: [
          { name: 'Rita Ng', email, isOrganizer: true, isCalendarConnected: true },
        ],
        meetingConfiguration: meetingConfiguration(),
      }),
    );
    expect(conversation.status, JSON.stringify(conversation.body)).toBe(201);
  });

  it('lists one row per participant email, newest first, with keyset pagination', async () => {
    const org = await newOrganization('Calendars List Org');
    const campaignId = await newCampaign(org, { channel: 'EMAIL' });
    const emails = [uniqueEmail('ann'), uniqueEmail('bo'), uniqueEmail('cy')];
    const day = dateInDays(4);
    const created = await org.post('/v1/meeting-templates', {
      name: 'Panel',
      meetingParticipants: emails.map((e, i) => ({
        name: `Person ${i}`,
        email: e.toUpperCase(),
        isOrganizer: i === 0,
        availability: {
          timezone: 'UTC',
          timeSlots: [{ date: day, startTime: '09:00', endTime: '17:00' }],
        },
      })),
      meetingConfiguration: meetingConfiguration(),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // The same people in a conversation make no second row.
    const conversation = await org.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, {
        meetingParticipants: [
          {
            name: 'Person 0 again',
            email: emails[0],
            isOrganizer: true,
            availability: {
              timezone: 'UTC',
              timeSlots: [{ date: day, startTime: '09:00', endTime: '17:00' }],
            },
          },
        ],
        meetingConfiguration: meetingConfiguration(),
      }),
    );
    expect(conversation.status, JSON.stringify(conversation.body)).toBe(201);

    const first = await org.get('/v1/user-calendars?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await org.get(`/v1/user-calendars?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.data).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.data, ...second.body.data];
    expect(all.map((p: { email: string }) => p.email).sort()).toEqual([...emails].sort());
    expect(all.find((p: { email: string }) => p.email === emails[0]).name).toBe('Person 0');
    expect(all.every((p: { connection: unknown }) => p.connection === null)).toBe(true);
    // Another organization sees none of them.
    expect((await api.get(`/v1/user-calendars/${all[0].id}`)).status).toBe(404);
  });

  it('answers bad input and missing credentials with clear 4xx', async () => {
    const noKey = await call('POST', '/v1/user-calendars/invite', {
      body: { name: 'X', email: uniqueEmail() },
    });
    expect(noKey.status).toBe(401);
    expect((await call('GET', '/v1/user-calendars')).status).toBe(401);
    expect((await call('GET', `/v1/user-calendars/${crypto.randomUUID()}`)).status).toBe(401);

    const badEmail = await api.post('/v1/user-calendars/invite', { name: 'X', email: 'nope' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.code).toBe('validation_error');
    expect(badEmail.body.error.details).toEqual([
      { path: 'email', message: 'must be a valid email address' },
    ]);
    const noName = await api.post('/v1/user-calendars/invite', { email: uniqueEmail() });
    expect(noName.status).toBe(400);
    expect(noName.body.error.details[0].path).toBe('name');
    const blank = await api.post('/v1/user-calendars/invite', { name: '  ', email: uniqueEmail() });
    expect(blank.status).toBe(400);
    const broken = await api.post('/v1/user-calendars/invite', undefined, { rawBody: '{"name":' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_json');

    expect((await api.get(`/v1/user-calendars/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await api.get('/v1/user-calendars/not-an-id')).status).toBe(404);
    expect((await api.get('/v1/user-calendars?cursor=bogus')).status).toBe(400);
    expect((await api.get('/v1/user-calendars?limit=0')).status).toBe(400);
    expect((await api.get('/v1/user-calendars?limit=101')).status).toBe(400);
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const { body } = await call('GET', '/v1/openapi.json');
    expect(Object.keys(body.paths['/v1/user-calendars'])).toEqual(['get']);
    expect(Object.keys(body.paths['/v1/user-calendars/{id}'])).toEqual(['get']);
    expect(body.paths['/v1/user-calendars/invite'].post.responses['201']).toBeDefined();
    expect(body.components.schemas.UserCalendar.required).toEqual(
      expect.arrayContaining(['id', 'email', 'name', 'connection', 'waitingConversations']),
    );
  });

  describe('the OAuth callback', () => {
    let email: string;
    let inviteId: string;
    let token: string;

    beforeAll(async () => {
      email = uniqueEmail('oauth');
      const invited = await api.post('/v1/user-calendars/invite', { name: 'Oscar Auth', email });
      expect(invited.status).toBe(201);
      token = tokenOfLink(invited.body.connectUrl);
      const [invite] = await db()
        .select()
        .from(calendarInvites)
        .where(eq(calendarInvites.userCalendarId, invited.body.id));
      inviteId = invite!.id;
    });

    const callback = (provider: string, query: Record<string, string>, nonce?: string) =>
      visit(`/connect/${provider}/callback?${new URLSearchParams(query).toString()}`, {
        headers: nonce ? { cookie: `${CONNECT_COOKIE}=${nonce}` } : {},
      });

    const failureOf = async (response: Awaited<ReturnType<typeof visit>>) => {
      expect(response.status).toBe(303);
      // The browser's state is spent whatever happened.
      expect(response.res.headers.getSetCookie().join(';')).toMatch(
        new RegExp(`${CONNECT_COOKIE}=;.*Max-Age=0`),
      );
      const reason = /\/connect\/failed\?reason=(\w+)$/.exec(response.location ?? '')?.[1];
      const page = await visit(localPath(response.location!));
      expect(page.status).toBe(200);
      return { reason, page: page.text };
    };

    it('refuses a denied consent, a forged, foreign or misdirected state, and a refused code, storing nothing', async () => {
      const { state, nonce } = newConnectState({
        organizationId,
        inviteId,
        provider: 'GOOGLE',
        now: new Date(),
      });

      const denied = await failureOf(
        await callback('google', { error: 'access_denied', state }, nonce),
      );
      expect(denied.reason).toBe('denied');
      expect(denied.page).toContain('You did not allow access');

      const [payload, signature] = state.split('.');
      const forgedPayload = Buffer.from(
        JSON.stringify({
          ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
          inviteId: crypto.randomUUID(),
        }),
      ).toString('base64url');
      const forged = await failureOf(
        await callback('google', { code: 'c', state: `${forgedPayload}.${signature}` }, nonce),
      );
      expect(forged.reason).toBe('invalid');
      expect(forged.page).toContain('not valid');

      // A valid state finished in another browser (no cookie, or another one's nonce).
      expect((await failureOf(await callback('google', { code: 'c', state }))).reason).toBe(
        'invalid',
      );
      expect(
        (await failureOf(await callback('google', { code: 'c', state }, 'someone-else'))).reason,
      ).toBe('invalid');
      // Google's state at Microsoft's callback.
      expect(
        (await failureOf(await callback('microsoft', { code: 'c', state }, nonce))).reason,
      ).toBe('invalid');
      // No code.
      expect((await failureOf(await callback('google', { state }, nonce))).reason).toBe('invalid');

      // A state that ran out.
      const old = newConnectState({
        organizationId,
        inviteId,
        provider: 'GOOGLE',
        now: new Date(Date.now() - 16 * 60_000),
      });
      expect(
        (await failureOf(await callback('google', { code: 'c', state: old.state }, old.nonce)))
          .reason,
      ).toBe('expired');

      // Everything checks out, but the provider does not take the code (unconfigured here).
      const refused = await failureOf(await callback('google', { code: 'c', state }, nonce));
      expect(refused.reason).toBe('exchange');

      expect(await connectionsOf(organizationId, email)).toEqual([]);
      const [invite] = await db()
        .select()
        .from(calendarInvites)
        .where(eq(calendarInvites.id, inviteId));
      expect(invite!.usedAt).toBeNull();
    });

    it('refuses a state whose invite was used (a replayed callback)', async () => {
      const { state, nonce } = newConnectState({
        organizationId,
        inviteId,
        provider: 'MICROSOFT',
        now: new Date(),
      });
      expect((await connectDev(token)).location).toMatch(/provider=dev$/);
      const replay = await failureOf(await callback('microsoft', { code: 'c', state }, nonce));
      expect(replay.reason).toBe('used');
      expect(replay.page).toContain('This link no longer works');
      const stored = await connectionsOf(organizationId, email);
      expect(stored.map((c) => c.provider)).toEqual(['DEV']);
    });

    it('starts nothing for an unconfigured provider, a spent link, or nobody signed in', async () => {
      const fresh = await api.post('/v1/user-calendars/invite', {
        name: 'Una Configured',
        email: uniqueEmail('una'),
      });
      const start = await visit(`/connect/google?invite=${tokenOfLink(fresh.body.connectUrl)}`);
      expect(start.status).toBe(303);
      expect(start.location).toMatch(/\/connect\/failed\?reason=unconfigured$/);
      const spent = await visit(`/connect/microsoft?invite=${token}`);
      expect(spent.location).toMatch(/\/connect\/failed\?reason=used$/);
      const anonymous = await visit('/connect/google');
      expect(anonymous.location).toMatch(/\/signin\?callbackUrl=%2Fconnect%2Fgoogle$/);
      expect((await visit('/connect/invite/not-a-real-token')).text).toContain(
        'This link no longer works',
      );
    });
  });

  it('emails a reconnect link when a connection needs reconnecting, shown on the overview', async () => {
    const email = uniqueEmail('renee');
    const invited = await api.post('/v1/user-calendars/invite', { name: 'Renee Connect', email });
    const connectionId = newId();
    const now = new Date();
    const [connection] = await db()
      .insert(calendarConnections)
      .values({
        id: connectionId,
        organizationId,
        provider: 'GOOGLE',
        email,
        accountEmail: email,
        credentials: encryptSecret('{"refresh_token":"revoked"}'),
        connectedAt: now,
      })
      .returning();
    await markNeedsReconnect(db(), { connection: connection!, reason: 'invalid_grant', now });

    const reconnect = await eventually(async () =>
      (await emailsTo(email)).find((e) => e.subject.startsWith('Reconnect your calendar')),
    );
    expect(reconnect.subject).toBe('Reconnect your calendar for Calendars Org');
    const link = /(https?:\/\/\S+\/connect\/invite\/[A-Za-z0-9_-]+)/.exec(reconnect.body)![1]!;
    const landing = await visit(localPath(link));
    expect(landing.text).toContain('Connect your calendar');
    expect(landing.text).toContain('Renee Connect');

    const state = await api.get(`/v1/user-calendars/${invited.body.id}`);
    expect(state.body.connection).toMatchObject({
      provider: 'GOOGLE',
      status: 'NEEDS_RECONNECT',
      accountEmail: email,
      failure: { at: expect.any(String), reason: 'invalid_grant' },
    });

    const owner = await signInMember(organizationId, 'OWNER');
    const overview = await visit('/dashboard', { headers: { cookie: owner.cookie } });
    expect(overview.text).toContain('Calendars needing reconnection');
    expect(overview.text).toContain('Renee Connect');

    // The link from the email reconnects (here with the development calendar).
    expect((await connectDev(tokenOfLink(link))).location).toMatch(/provider=dev$/);
    const after = await api.get(`/v1/user-calendars/${invited.body.id}`);
    expect(after.body.connection).toMatchObject({
      provider: 'DEV',
      status: 'CONNECTED',
      failure: null,
    });
  });

  describe('the interviewers page', () => {
    let recruiter: SignedIn;
    let viewer: SignedIn;

    beforeAll(async () => {
      recruiter = await signInMember(organizationId, 'RECRUITER');
      viewer = await signInMember(organizationId, 'VIEWER');
    });

    it('invites, connects the member’s development calendar, and edits its busy times', async () => {
      const email = uniqueEmail('dash-invitee');
      const invited = await act(recruiter, 'inviteInterviewerAction', { name: 'Dana Dash', email });
      expect(invited).toMatchObject({
        status: 'ok',
        message: `A link to connect their calendar was emailed to ${email}.`,
      });
      expect(await emailsTo(email)).toHaveLength(1);
      const [person] = await db()
        .select()
        .from(userCalendars)
        .where(
          and(eq(userCalendars.organizationId, organizationId), eq(userCalendars.email, email)),
        );
      const resent = await act(recruiter, 'resendInviteAction', { userCalendarId: person!.id });
      expect(resent.status).toBe('ok');
      expect(await emailsTo(email)).toHaveLength(2);

      expect((await act(recruiter, 'connectMyDevCalendarAction', {})).status).toBe('ok');
      const [mine] = await db()
        .select()
        .from(userCalendars)
        .where(
          and(
            eq(userCalendars.organizationId, organizationId),
            eq(userCalendars.email, recruiter.email),
          ),
        );
      const refusedSpan = await act(recruiter, 'addDevBusyAction', {
        userCalendarId: mine!.id,
        start: '2031-03-10T12:00',
        end: '2031-03-10T11:00',
        timezone: 'Europe/Paris',
      });
      expect(refusedSpan).toMatchObject({
        status: 'error',
        errors: { end: 'must be after the start' },
      });
      const added = await act(recruiter, 'addDevBusyAction', {
        userCalendarId: mine!.id,
        start: '2031-03-10T12:00',
        end: '2031-03-10T13:30',
        timezone: 'Europe/Paris',
        label: 'Lunch',
      });
      expect(added.status).toBe('ok');
      const [busy] = await db()
        .select()
        .from(devCalendarBusy)
        .where(eq(devCalendarBusy.organizationId, organizationId));
      expect(busy!.startAt.toISOString()).toBe('2031-03-10T11:00:00.000Z');
      expect(busy!.endAt.toISOString()).toBe('2031-03-10T12:30:00.000Z');
      expect(busy!.label).toBe('Lunch');
      // Someone without a development calendar has no busy times to edit.
      const notDev = await act(recruiter, 'addDevBusyAction', {
        userCalendarId: person!.id,
        start: '2031-03-10T12:00',
        end: '2031-03-10T13:00',
        timezone: 'UTC',
      });
      expect(notDev).toMatchObject({
        status: 'error',
        message: expect.stringMatching(/no development calendar/),
      });

      const page = await visit('/dashboard/interviewers', {
        headers: { cookie: recruiter.cookie },
      });
      expect(page.status).toBe(200);
      expect(page.text).toContain('Dana Dash');
      expect(page.text).toContain('Development calendar');
      expect(page.text).toContain('Lunch');

      const viewerTry = await act(viewer, 'removeDevBusyAction', {
        userCalendarId: mine!.id,
        busyId: busy!.id,
      });
      expect(viewerTry).toMatchObject({
        status: 'error',
        message: expect.stringMatching(/needs the RECRUITER role/),
      });
      const removed = await act(recruiter, 'removeDevBusyAction', {
        userCalendarId: mine!.id,
        busyId: busy!.id,
      });
      expect(removed.status).toBe('ok');
      expect(
        await db().select().from(devCalendarBusy).where(eq(devCalendarBusy.id, busy!.id)),
      ).toEqual([]);
    });
  });
});
