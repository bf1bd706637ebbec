import type { Metadata } from 'next';
import { LocalTime } from '@/components/dashboard/local-time';
import {
  InviteMemberForm,
  MemberControls,
  OrganizationNameForm,
} from '@/components/dashboard/settings-forms';
import styles from '@/components/dashboard/settings.module.css';
import { Badge, Card, EmptyState, Notice, PageHeader } from '@/components/ui/bits';
import { hasRole, memberRoleLabels as roleLabels, memberRoles } from '@/lib/contracts/members';
import { refuseInvite, refuseRemoval, refuseRoleChange } from '@/lib/domain/members/member-rules';
import { loadForPage } from '@/lib/server/dashboard/page-data';
import { listMembers, type MemberRow } from '@/lib/server/services/members/list-members';
import {
  changeMemberRoleAction,
  inviteMemberAction,
  removeMemberAction,
  renameOrganizationAction,
} from './actions';

export const metadata: Metadata = { title: 'Settings' };

/** The organization, its members and their roles (DESIGN §9); every member may read it. */
export default async function SettingsPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const removedParam = (await props.searchParams).removed;
  const removed = typeof removedParam === 'string' ? removedParam.slice(0, 254) : null;
  const { member, data: members } = await loadForPage('/dashboard/settings', ({ db, member }) =>
    listMembers(db, { organizationId: member.organizationId }),
  );
  const actor = member.role;
  const canManage = hasRole(actor, 'ADMIN');
  const owners = members.filter((m) => m.role === 'OWNER').length;
  const rolesFor = (target: MemberRow) =>
    canManage &&
    memberRoles.some(
      (to) => to !== target.role && !refuseRoleChange({ actor, from: target.role, to, owners }),
    )
      ? [...memberRoles]
          .reverse()
          .filter(
            (to) =>
              to === target.role || !refuseRoleChange({ actor, from: target.role, to, owners }),
          )
      : [];
  const invitable = [...memberRoles].reverse().filter((role) => !refuseInvite({ actor, role }));
  const joined = members.filter((m) => !m.isPending);
  const pending = members.filter((m) => m.isPending);

  const row = (m: MemberRow) => {
    const label = m.name ?? m.email;
    return (
      <li key={m.id} className={styles.member} data-testid="member-row">
        <div className={styles.who}>
          <p className={styles.name}>
            {label}
            {m.userId === member.userId ? ' (you)' : ''}
          </p>
          <p className={styles.meta}>
            {m.name ? <span>{m.email}</span> : null}
            <Badge tone={m.role === 'OWNER' ? 'info' : 'neutral'}>{roleLabels[m.role]}</Badge>
            {m.isPending ? (
              <span>
                Invited <LocalTime iso={m.joinedAt} />, not signed in yet
              </span>
            ) : (
              <span>
                Joined <LocalTime iso={m.joinedAt} />
              </span>
            )}
          </p>
        </div>
        {canManage ? (
          <MemberControls
            memberId={m.id}
            label={label}
            role={m.role}
            roles={rolesFor(m)}
            canRemove={!refuseRemoval({ actor, role: m.role, owners })}
            isSelf={m.userId === member.userId}
            changeAction={changeMemberRoleAction}
            removeAction={removeMemberAction}
          />
        ) : null}
      </li>
    );
  };

  return (
    <>
      <PageHeader
        title="Settings"
        lead={
          canManage
            ? 'Your organization and who can use its dashboard.'
            : `Your organization and who can use its dashboard. You are ${roleLabels[actor].toLowerCase()}: an admin or owner makes changes here.`
        }
      />
      <div className={styles.sections}>
        {removed ? (
          <Notice tone="success">{removed} was removed from the organization.</Notice>
        ) : null}
        <Card title="Organization">
          {canManage ? (
            <OrganizationNameForm
              name={member.organizationName}
              action={renameOrganizationAction}
            />
          ) : (
            <p className={styles.name} data-testid="organization-name">
              {member.organizationName}
            </p>
          )}
        </Card>
        {canManage ? (
          <Card title="Invite a member">
            <p className={styles.muted} style={{ marginBottom: 12 }}>
              They get an email with a sign-in link that works once, for 7 days.
            </p>
            <InviteMemberForm roles={invitable} action={inviteMemberAction} />
          </Card>
        ) : null}
        <Card title={`Members (${joined.length})`}>
          {joined.length === 0 ? (
            <EmptyState title="No members have signed in yet" />
          ) : (
            <ul className={styles.members} aria-label="Members">
              {joined.map(row)}
            </ul>
          )}
        </Card>
        <Card title={`Pending invitations (${pending.length})`}>
          {pending.length === 0 ? (
            <p className={styles.muted}>
              {canManage
                ? 'Nobody is waiting. People you invite appear here until they first sign in.'
                : 'Nobody is waiting to sign in for the first time.'}
            </p>
          ) : (
            <ul className={styles.members} aria-label="Pending invitations">
              {pending.map(row)}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
