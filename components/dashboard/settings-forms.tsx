'use client';

import { useActionState } from 'react';
import { Notice } from '@/components/ui/bits';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { idleForm, type FormState } from '@/lib/contracts/form-state';
import { memberRoleLabels as roleLabels, type MemberRole } from '@/lib/contracts/members';
import styles from './settings.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

const roleHints: Record<MemberRole, string> = {
  OWNER: 'everything, including owners',
  ADMIN: 'everything but ownership',
  RECRUITER: 'campaigns, templates, conversations, meetings',
  VIEWER: 'read only',
};

function Result({ state }: { state: FormState }) {
  if (state.status === 'ok' && state.message)
    return <Notice tone="success">{state.message}</Notice>;
  if (state.status === 'error' && state.message)
    return <Notice tone="error">{state.message}</Notice>;
  return null;
}

/** The organization's name (ADMIN and up). */
export function OrganizationNameForm(props: { name: string; action: Action }) {
  const [state, submit, isPending] = useActionState(props.action, idleForm);
  return (
    <form action={submit} className={styles.form}>
      <Field label="Organization name" error={state.errors?.name}>
        {(control) => (
          <input {...control} name="name" defaultValue={props.name} maxLength={200} required />
        )}
      </Field>
      <Result state={state} />
      <div>
        <Button type="submit" variant="primary" aria-disabled={isPending}>
          {isPending ? 'Saving…' : 'Save name'}
        </Button>
      </div>
    </form>
  );
}

/** Invite someone by email with a role up to the inviter's own. */
export function InviteMemberForm(props: { roles: MemberRole[]; action: Action }) {
  const [state, submit, isPending] = useActionState(props.action, idleForm);
  return (
    <form action={submit} className={styles.inviteForm}>
      <div className={styles.inline}>
        <Field label="Email" error={state.errors?.email}>
          {(control) => (
            <input {...control} name="email" type="email" autoComplete="off" required />
          )}
        </Field>
        <Field label="Name (optional)" error={state.errors?.name}>
          {(control) => <input {...control} name="name" maxLength={100} autoComplete="off" />}
        </Field>
        <Field label="Role" error={state.errors?.role}>
          {(control) => (
            <select {...control} name="role" defaultValue="RECRUITER">
              {props.roles.map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit" variant="primary" aria-disabled={isPending}>
          {isPending ? 'Sending…' : 'Send invitation'}
        </Button>
      </div>
      <ul className={styles.roleHints} aria-label="What each role may do">
        {props.roles.map((role) => (
          <li key={role}>
            <strong>{roleLabels[role]}</strong>: {roleHints[role]}
          </li>
        ))}
      </ul>
      <Result state={state} />
    </form>
  );
}

type MemberControlsProps = {
  memberId: string;
  label: string;
  role: MemberRole;
  /** The roles this viewer may give this member; empty when they may not change it. */
  roles: MemberRole[];
  canRemove: boolean;
  isSelf: boolean;
  changeAction: Action;
  removeAction: Action;
};

/** A member's role and removal, as far as the viewer may change them. */
export function MemberControls(props: MemberControlsProps) {
  const [changed, change, isChanging] = useActionState(props.changeAction, idleForm);
  const [removed, remove, isRemoving] = useActionState(props.removeAction, idleForm);
  return (
    <div className={styles.controls}>
      {props.roles.length > 0 ? (
        <form action={change} className={styles.roleForm}>
          <input type="hidden" name="memberId" value={props.memberId} />
          <label className={styles.muted} htmlFor={`role-${props.memberId}`}>
            Role of {props.label}
          </label>
          <select
            id={`role-${props.memberId}`}
            name="role"
            defaultValue={props.role}
            className={styles.summary}
          >
            {props.roles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
          <Button type="submit" size="small" aria-disabled={isChanging}>
            {isChanging ? 'Changing…' : 'Change role'}
          </Button>
        </form>
      ) : null}
      {props.canRemove ? (
        <details>
          <summary className={styles.summary}>{props.isSelf ? 'Leave' : 'Remove'}</summary>
          <form action={remove} className={styles.confirm}>
            <input type="hidden" name="memberId" value={props.memberId} />
            <p className={styles.muted}>
              {props.isSelf
                ? 'You will lose access to this organization.'
                : `${props.label} will lose access to this organization at once.`}
            </p>
            <Button type="submit" variant="danger" size="small" aria-disabled={isRemoving}>
              {isRemoving ? 'Removing…' : `Remove ${props.label}`}
            </Button>
          </form>
        </details>
      ) : null}
      <Result state={changed} />
      <Result state={removed} />
    </div>
  );
}
