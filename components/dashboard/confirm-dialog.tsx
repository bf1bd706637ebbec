'use client';

import { useActionState, useEffect, useId, useRef, type ReactNode } from 'react';
import { Notice } from '@/components/ui/bits';
import { Button } from '@/components/ui/button';
import { idleForm, type FormState } from '@/lib/contracts/form-state';
import styles from './developers.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/**
 * A button that opens a modal dialog asking to confirm one action (a native <dialog>: focus moves
 * into it, Escape closes it). The action's fields are hidden inputs; its outcome is shown by
 * `onDone` (or in the dialog when it failed).
 */
export function ConfirmDialog(props: {
  trigger: string;
  title: string;
  children: ReactNode;
  confirm: string;
  pending: string;
  fields: Record<string, string>;
  action: Action;
  tone?: 'danger' | 'primary';
  onDone?: (state: FormState) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, submit, isPending] = useActionState(props.action, idleForm);
  const { onDone } = props;
  useEffect(() => {
    if (state.status === 'ok') {
      dialog.current?.close();
      onDone?.(state);
    }
  }, [state, onDone]);
  const titleId = useId();
  return (
    <>
      <Button
        size="small"
        variant={props.tone === 'danger' ? 'danger' : 'secondary'}
        onClick={() => dialog.current?.showModal()}
      >
        {props.trigger}
      </Button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={titleId}>
        <h2 id={titleId} className={styles.dialogTitle}>
          {props.title}
        </h2>
        <div className={styles.muted}>{props.children}</div>
        <form action={submit}>
          {Object.entries(props.fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {state.status === 'error' && state.message ? (
            <Notice tone="error">{state.message}</Notice>
          ) : null}
          <div className={styles.dialogActions}>
            <Button onClick={() => dialog.current?.close()}>Cancel</Button>
            <Button
              type="submit"
              variant={props.tone === 'danger' ? 'danger' : 'primary'}
              aria-disabled={isPending}
            >
              {isPending ? props.pending : props.confirm}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
