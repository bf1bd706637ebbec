import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { call } from '../support/api';
import { organizations } from '@/lib/server/db/schema/organizations';
import { accountEmails, memberships, users } from '@/lib/server/db/schema/users';
import {
  callAction,
  formStateOf,
  serverActionsUnder,
  signInMember,
  snapshotOrganization,
  type SignedIn,
} from '../support/dashboard';
import { newOrganization, uniqueEmail } from '../support/factories';

/** The settings page's actions of the build, by name. */
function settingsAction(name: string) {
  const action = serverActionsUnder('app/(site)/dashboard/settings').find(
    (a) => a.exportedName === name,
  );
  if (!action) throw new Error(`no ${name} in the build: run npm run build`);
  return action;
}

async function act(who: SignedIn, name: string, fields: Record<string, string>) {
  const response = await callAction({
    action: settingsAction(name),
    path: '/dashboard/settings',
    cookie: who.cookie,
    fields,
  });
  expect(response.status, response.text.slice(0, 500)).toBe(200);
  const state = formStateOf(response.text);
  expect(state, response.text.slice(0, 500)).not.toBeNull();
  return state!;
}

async function membershipOf(organizationId: string, userId: string) {
  const [row] = await getDb()
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  return row;
}

describe('members and organization settings through the dashboard’s server actions', () => {
  let orgA: string;
  let owner: SignedIn;
  let admin: SignedIn;
  let recruiter: SignedIn;
  let viewer: SignedIn;

  beforeAll(async () => {
    orgA = (await newOrganization('Members Org')).auth.organizationId;
    owner = await signInMember(orgA, 'OWNER');
    admin = await signInMember(orgA, 'ADMIN');
    recruiter = await signInMember(orgA, 'RECRUITER');
    viewer = await signInMember(orgA, 'VIEWER');
  });

  const idOf = async (who: SignedIn) => (await membershipOf(orgA, who.userId))!.id;

  it('lets every member read the page, and shows mutating controls to admins only', async () => {
    const page = (who: SignedIn) =>
      call<string>('GET', '/dashboard/settings', { headers: { cookie: who.cookie } });
    for (const who of [viewer, recruiter]) {
      const res = await page(who);
      expect(res.status).toBe(200);
      expect(res.body).toContain(admin.email);
      expect(res.body).not.toContain('Send invitation');
      expect(res.body).not.toContain('Change role');
      expect(res.body).not.toContain('Save name');
    }
    const asAdmin = await page(admin);
    expect(asAdmin.body).toContain('Send invitation');
    expect(asAdmin.body).toContain('Change role');
  });

  it('refuses viewers and recruiters every change, and changes nothing', async () => {
    const target = await idOf(recruiter);
    const before = await snapshotOrganization(orgA);
    for (const who of [viewer, recruiter]) {
      const calls: [string, Record<string, string>][] = [
        ['renameOrganizationAction', { name: 'Taken over' }],
        ['inviteMemberAction', { email: uniqueEmail('x'), role: 'VIEWER' }],
        ['changeMemberRoleAction', { memberId: target, role: 'ADMIN' }],
        ['removeMemberAction', { memberId: target }],
      ];
      for (const [name, fields] of calls) {
        const state = await act(who, name, fields);
        expect(state.status, name).toBe('error');
        expect(state.message, name).toMatch(/needs the ADMIN role/);
      }
    }
    expect(await snapshotOrganization(orgA)).toBe(before);
  });

  it('lets an admin rename the organization, with the error at the field for a blank name', async () => {
    const blank = await act(admin, 'renameOrganizationAction', { name: '   ' });
    expect(blank).toMatchObject({ status: 'error', errors: { name: 'must not be empty' } });
    const ok = await act(admin, 'renameOrganizationAction', { name: 'Members Org Renamed' });
    expect(ok.status).toBe('ok');
    const [org] = await getDb().select().from(organizations).where(eq(organizations.id, orgA));
    expect(org!.name).toBe('Members Org Renamed');
  });

  it('lets an admin invite by email up to admin, and only an owner invite an owner', async () => {
    const email = uniqueEmail('invitee');
    const ok = await act(admin, 'inviteMemberAction', { email, role: 'RECRUITER' });
    expect(ok).toMatchObject({ status: 'ok' });
    const sent = await getDb()
      .select()
      .from(accountEmails)
      .where(eq(accountEmails.toAddress, email));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatch(/\/api\/auth\/callback\/email\?/);
    expect(sent[0]!.subject).toContain('Members Org');
    const [user] = await getDb().select().from(users).where(eq(users.email, email));
    expect((await membershipOf(orgA, user!.id))!.role).toBe('RECRUITER');

    const again = await act(admin, 'inviteMemberAction', { email, role: 'VIEWER' });
    expect(again).toMatchObject({ status: 'error', errors: { email: expect.any(String) } });

    const ownerEmail = uniqueEmail('would-be-owner');
    const refused = await act(admin, 'inviteMemberAction', { email: ownerEmail, role: 'OWNER' });
    expect(refused).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/Only an owner/),
    });
    expect(await getDb().select().from(users).where(eq(users.email, ownerEmail))).toHaveLength(0);

    const bad = await act(admin, 'inviteMemberAction', { email: 'not-an-email', role: 'BOSS' });
    expect(bad.status).toBe('error');
    expect(Object.keys(bad.errors ?? {}).sort()).toEqual(['email', 'role']);
  });

  it('lets an admin set admin, recruiter and viewer, never owner, and never touch an owner', async () => {
    const target = await signInMember(orgA, 'VIEWER');
    const targetId = await idOf(target);
    for (const role of ['ADMIN', 'RECRUITER', 'VIEWER']) {
      expect(
        await act(admin, 'changeMemberRoleAction', { memberId: targetId, role }),
      ).toMatchObject({
        status: 'ok',
      });
      expect((await membershipOf(orgA, target.userId))!.role).toBe(role);
    }
    const escalate = await act(admin, 'changeMemberRoleAction', {
      memberId: targetId,
      role: 'OWNER',
    });
    expect(escalate).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/Only an owner/),
    });
    const self = await act(admin, 'changeMemberRoleAction', {
      memberId: await idOf(admin),
      role: 'OWNER',
    });
    expect(self.status).toBe('error');
    expect((await membershipOf(orgA, admin.userId))!.role).toBe('ADMIN');

    const ownerId = await idOf(owner);
    const demote = await act(admin, 'changeMemberRoleAction', {
      memberId: ownerId,
      role: 'VIEWER',
    });
    expect(demote).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/Only an owner/),
    });
    const remove = await act(admin, 'removeMemberAction', { memberId: ownerId });
    expect(remove).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/Only an owner/),
    });
    expect((await membershipOf(orgA, owner.userId))!.role).toBe('OWNER');

    // An admin may remove a non-owner; the person's user stays (other organizations).
    // Its row is gone, so the action sends the page back with what happened.
    const removed = await callAction({
      action: settingsAction('removeMemberAction'),
      path: '/dashboard/settings',
      cookie: admin.cookie,
      fields: { memberId: targetId },
    });
    expect(removed.status).toBe(200);
    expect(removed.headers.get('x-action-redirect')).toContain(
      `/dashboard/settings?removed=${encodeURIComponent(target.email)}`,
    );
    expect(await membershipOf(orgA, target.userId)).toBeUndefined();
    expect(await getDb().select().from(users).where(eq(users.id, target.userId))).toHaveLength(1);
  });

  it('lets an owner make an owner, and never demotes or removes the last one', async () => {
    const orgId = (await newOrganization('Single Owner Org')).auth.organizationId;
    const only = await signInMember(orgId, 'OWNER');
    const second = await signInMember(orgId, 'ADMIN');
    const ownId = (await membershipOf(orgId, only.userId))!.id;
    const secondId = (await membershipOf(orgId, second.userId))!.id;

    const demote = await act(only, 'changeMemberRoleAction', { memberId: ownId, role: 'ADMIN' });
    expect(demote).toMatchObject({ status: 'error', message: expect.stringMatching(/one owner/) });
    const leave = await act(only, 'removeMemberAction', { memberId: ownId });
    expect(leave).toMatchObject({ status: 'error', message: expect.stringMatching(/one owner/) });
    expect((await membershipOf(orgId, only.userId))!.role).toBe('OWNER');

    expect(
      await act(only, 'changeMemberRoleAction', { memberId: secondId, role: 'OWNER' }),
    ).toMatchObject({ status: 'ok' });
    // With two owners, one may step down; then the other is the last again.
    expect(
      await act(only, 'changeMemberRoleAction', { memberId: ownId, role: 'ADMIN' }),
    ).toMatchObject({ status: 'ok' });
    expect(await act(second, 'removeMemberAction', { memberId: secondId })).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/one owner/),
    });
    expect((await membershipOf(orgId, second.userId))!.role).toBe('OWNER');
  });

  it('treats another organization’s member as not found, for its own admins too', async () => {
    const orgB = (await newOrganization('Members Other Org')).auth.organizationId;
    const otherOwner = await signInMember(orgB, 'OWNER');
    const victim = await idOf(recruiter);
    const before = await snapshotOrganization(orgA);
    const change = await act(otherOwner, 'changeMemberRoleAction', {
      memberId: victim,
      role: 'VIEWER',
    });
    expect(change).toMatchObject({ status: 'error', message: 'Member not found' });
    const remove = await act(otherOwner, 'removeMemberAction', { memberId: victim });
    expect(remove).toMatchObject({ status: 'error', message: 'Member not found' });
    expect(await snapshotOrganization(orgA)).toBe(before);
  });

  it('answers bad input with field errors, never an error page', async () => {
    const state = await act(admin, 'changeMemberRoleAction', { memberId: 'nope', role: 'KING' });
    expect(state.status).toBe('error');
    expect(Object.keys(state.errors ?? {}).sort()).toEqual(['memberId', 'role']);
  });
});
