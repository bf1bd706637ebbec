'use client';

import { useActionState } from 'react';
import { Notice } from '@/components/ui/bits';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { idleForm, type FormState } from '@/lib/contracts/form-state';
import { LocalTime } from './local-time';
import { useViewerZone } from './viewer-time';
import styles from './interviewers.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

function Result({ state }: { state: FormState }) {
  if (state.status === 'ok' && state.message)
    return <Notice tone="success">{state.message}</Notice>;
  if (state.status === 'error' && state.message)
    return <Notice tone="error">{state.message}</Notice>;
  return null;
}

/** Invite someone to connect their calendar: they get an email with a connect link. */
export function InviteInterviewerForm({ action }: { action: Action }) {
  const [state, submit, isPending] = useActionState(action, idleForm);
  return (
    <form action={submit} className={styles.form}>
      <div className={styles.inline}>
        <Field label="Name" error={state.errors?.name}>
          {(control) => (
            <input {...control} name="name" maxLength={200} autoComplete="off" required />
          )}
        </Field>
        <Field label="Email" error={state.errors?.email}>
          {(control) => (
            <input {...control} name="email" type="email" autoComplete="off" required />
          )}
        </Field>
        <Button type="submit" variant="primary" aria-disabled={isPending}>
          {isPending ? 'Sending…' : 'Send invite'}
        </Button>
      </div>
      <Result state={state} />
    </form>
  );
}

/** A new connect link by email: "Resend invite" or "Send reconnect link". */
export function ResendInviteForm(props: {
  userCalendarId: string;
  label: string;
  who: string;
  action: Action;
}) {
  const [state, submit, isPending] = useActionState(props.action, idleForm);
  return (
    <form action={submit} className={styles.form}>
      <input type="hidden" name="userCalendarId" value={props.userCalendarId} />
      <div>
        <Button
          type="submit"
          size="small"
          aria-disabled={isPending}
          aria-label={`${props.label} to ${props.who}`}
        >
          {isPending ? 'Sending…' : props.label}
        </Button>
      </div>
      <Result state={state} />
    </form>
  );
}

/** Connects the signed-in member's development calendar. */
export function ConnectDevForm({ action }: { action: Action }) {
  const [state, submit, isPending] = useActionState(action, idleForm);
  return (
    <form action={submit} className={styles.form}>
      <div>
        <Button type="submit" aria-disabled={isPending}>
          {isPending ? 'Connecting…' : 'Use the development calendar'}
        </Button>
      </div>
      <Result state={state} />
    </form>
  );
}

type Busy = { id: string; start: string; end: string; label: string | null };

/** The hand-typed busy periods of a development calendar, in the viewer's zone. */
export function DevBusyEditor(props: {
  userCalendarId: string;
  who: string;
  busy: Busy[];
  addAction: Action;
  removeAction: Action;
}) {
  const zone = useViewerZone();
  const [added, add, isAdding] = useActionState(props.addAction, idleForm);
  return (
    <div className={styles.busy} data-testid="dev-busy-editor">
      <p className={styles.busyTitle}>Busy times of {props.who}’s development calendar</p>
      {props.busy.length === 0 ? (
        <p className={styles.muted}>No busy times: every open hour is free.</p>
      ) : (
        <ul className={styles.busyList} aria-label={`Busy times of ${props.who}`}>
          {props.busy.map((b) => (
            <BusyItem
              key={b.id}
              busy={b}
              userCalendarId={props.userCalendarId}
              action={props.removeAction}
            />
          ))}
        </ul>
      )}
      <form action={add} className={styles.form}>
        <p className={styles.muted}>{`New busy times are read in your time zone (${zone}).`}</p>
        <input type="hidden" name="userCalendarId" value={props.userCalendarId} />
        <input type="hidden" name="timezone" value={zone} />
        <div className={`${styles.inline} ${styles.busyInline}`}>
          <Field label="Busy from" error={added.errors?.start}>
            {(control) => <input {...control} name="start" type="datetime-local" required />}
          </Field>
          <Field label="Until" error={added.errors?.end}>
            {(control) => <input {...control} name="end" type="datetime-local" required />}
          </Field>
          <Field label="Label (optional)" error={added.errors?.label}>
            {(control) => <input {...control} name="label" maxLength={100} autoComplete="off" />}
          </Field>
          <Button type="submit" aria-disabled={isAdding}>
            {isAdding ? 'Adding…' : 'Add busy time'}
          </Button>
        </div>
        <Result state={added} />
      </form>
    </div>
  );
}

function BusyItem(props: { busy: Busy; userCalendarId: string; action: Action }) {
  const [state, remove, isRemoving] = useActionState(props.action, idleForm);
  const { busy } = props;
  return (
    <li className={styles.busyItem} data-testid="dev-busy-item">
      <span>
        <LocalTime iso={busy.start} /> – <LocalTime iso={busy.end} />
        {busy.label ? ` · ${busy.label}` : ''}
      </span>
      <form action={remove}>
        <input type="hidden" name="userCalendarId" value={props.userCalendarId} />
        <input type="hidden" name="busyId" value={busy.id} />
        <Button type="submit" size="small" variant="danger" aria-disabled={isRemoving}>
          {isRemoving ? 'Removing…' : 'Remove'}
        </Button>
      </form>
      {state.status === 'error' ? <Result state={state} /> : null}
    </li>
  );
}
