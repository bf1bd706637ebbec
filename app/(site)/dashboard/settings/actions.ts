'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import {
  changeMemberRoleFormSchema,
  inviteMemberSchema,
  memberFormSchema,
  organizationSettingsSchema,
} from '@/lib/contracts/members';
import { dashboardAction } from '@/lib/server/dashboard/action';
import { changeMemberRole } from '@/lib/server/services/members/change-member-role';
import { inviteMemberAs } from '@/lib/server/services/members/invite-member-as';
import { removeMember } from '@/lib/server/services/members/remove-member';
import { renameOrganization } from '@/lib/server/services/organizations/rename-organization';

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

// ADMIN is the floor; who may touch an owner (OWNER only) is decided by the services, which read
// the actor's role again in the transaction that makes the change.

export const renameOrganizationAction = dashboardAction(
  {
    role: 'ADMIN',
    schema: organizationSettingsSchema,
    read: (form) => ({ name: field(form, 'name') }),
  },
  async ({ db, member, input }) => {
    await renameOrganization(db, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      name: input.name,
    });
    revalidatePath('/dashboard', 'layout');
    return { status: 'ok', message: `The organization is now called ${input.name}.` };
  },
);

export const inviteMemberAction = dashboardAction(
  {
    role: 'ADMIN',
    schema: inviteMemberSchema,
    read: (form) => ({
      email: field(form, 'email'),
      name: field(form, 'name') || undefined,
      role: field(form, 'role'),
    }),
  },
  async ({ db, now, member, input }) => {
    await inviteMemberAs(db, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      values: input,
      now,
    });
    revalidatePath('/dashboard/settings');
    return {
      status: 'ok',
      message: `Invitation sent to ${input.email}: their sign-in link works for 7 days.`,
    };
  },
);

export const changeMemberRoleAction = dashboardAction(
  {
    role: 'ADMIN',
    schema: changeMemberRoleFormSchema,
    read: (form) => ({ memberId: field(form, 'memberId'), role: field(form, 'role') }),
  },
  async ({ db, member, input }) => {
    const changed = await changeMemberRole(db, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      memberId: input.memberId,
      role: input.role,
    });
    revalidatePath('/dashboard', 'layout');
    return { status: 'ok', message: `Role changed to ${changed.role.toLowerCase()}.` };
  },
);

export const removeMemberAction = dashboardAction(
  {
    role: 'ADMIN',
    schema: memberFormSchema,
    read: (form) => ({ memberId: field(form, 'memberId') }),
  },
  async ({ db, member, input }) => {
    const removed = await removeMember(db, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      memberId: input.memberId,
    });
    revalidatePath('/dashboard', 'layout');
    // The member's row is gone with its form: the page says what happened. Someone who left their
    // organization goes to the dashboard (of their next one, or to sign in).
    if (removed.userId === member.userId) redirect('/dashboard');
    redirect(`/dashboard/settings?removed=${encodeURIComponent(removed.email)}`);
  },
);
