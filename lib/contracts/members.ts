import { z } from 'zod';
import { emailSchema, nameSchema } from './common';

/** What a dashboard user may do in an organization (DESIGN §9), least to most. */
export const memberRoles = ['VIEWER', 'RECRUITER', 'ADMIN', 'OWNER'] as const;
export type MemberRole = (typeof memberRoles)[number];

/** Whether `role` includes everything `needed` may do. */
export function hasRole(role: MemberRole, needed: MemberRole): boolean {
  return memberRoles.indexOf(role) >= memberRoles.indexOf(needed);
}

export const inviteMemberSchema = z
  .object({
    email: emailSchema,
    name: nameSchema(100).optional(),
    role: z.enum(memberRoles).default('RECRUITER'),
  })
  .meta({ id: 'InviteMember' });
export type InviteMember = z.output<typeof inviteMemberSchema>;

export const changeRoleSchema = z.object({ role: z.enum(memberRoles) });

export const organizationSettingsSchema = z.object({ name: nameSchema(200) });

export const signInRequestSchema = z.object({ email: emailSchema });

/** The settings page's forms name a member by their membership's id. */
export const memberFormSchema = z.object({ memberId: z.uuid('choose a member') });
export const changeMemberRoleFormSchema = memberFormSchema.extend(changeRoleSchema.shape);

/** How the dashboard names each role. */
export const memberRoleLabels: Record<MemberRole, string> = {
  OWNER: 'Owner',
  ADMIN: 'Admin',
  RECRUITER: 'Recruiter',
  VIEWER: 'Viewer',
};
