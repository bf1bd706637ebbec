'use client';

import { useQuery } from '@tanstack/react-query';
import { useActionState, useState } from 'react';
import { Notice } from '@/components/ui/bits';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { idleForm, type FormState } from '@/lib/contracts/form-state';
import { dayOf, formatDay, formatTimeRange, useViewerZone } from './viewer-time';
import styles from './meetings.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** Move a meeting to one of the starts its link offers (loaded when the form opens). */
export function RescheduleForm(props: { meetingId: string; durationMs: number; action: Action }) {
  const [state, submit, isPending] = useActionState(props.action, idleForm);
  const [isOpen, setIsOpen] = useState(false);
  const zone = useViewerZone();
  const options = useQuery({
    queryKey: ['reschedule-options', props.meetingId],
    enabled: isOpen,
    queryFn: async ({ signal }) => {
      const response = await fetch(`/dashboard/meetings/${props.meetingId}/options`, { signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return ((await response.json()) as { starts: string[] }).starts;
    },
  });
  const byDay = new Map<string, string[]>();
  for (const start of options.data ?? []) {
    const day = dayOf(Date.parse(start), zone);
    byDay.set(day, [...(byDay.get(day) ?? []), start]);
  }
  return (
    <details className={styles.action} onToggle={(e) => setIsOpen(e.currentTarget.open)}>
      <summary className={styles.summary}>Reschedule</summary>
      <form action={submit} className={styles.form}>
        <input type="hidden" name="meetingId" value={props.meetingId} />
        {options.isPending ? <p className={styles.muted}>Loading open times…</p> : null}
        {options.isError ? (
          <Notice tone="error">The open times could not be loaded. Close and open again.</Notice>
        ) : null}
        {options.data && options.data.length === 0 ? (
          <p className={styles.muted}>No other time is open in the next two weeks.</p>
        ) : null}
        {options.data && options.data.length > 0 ? (
          <Field label={`New time (${zone})`} error={state.errors?.start}>
            {(control) => (
              <select {...control} name="start" required defaultValue="">
                <option value="" disabled>
                  Choose a time
                </option>
                {[...byDay].map(([day, starts]) => (
                  <optgroup key={day} label={formatDay(Date.parse(starts[0]!), zone)}>
                    {starts.map((start) => (
                      <option key={start} value={start}>
                        {formatTimeRange(
                          Date.parse(start),
                          Date.parse(start) + props.durationMs,
                          zone,
                        )}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {state.status === 'error' && state.message ? (
          <Notice tone="error">{state.message}</Notice>
        ) : null}
        <Button type="submit" variant="primary" size="small" aria-disabled={isPending}>
          {isPending ? 'Moving…' : 'Move the meeting'}
        </Button>
      </form>
    </details>
  );
}

/** Cancel a meeting, with a reason the attendees are told. */
export function CancelForm(props: { meetingId: string; action: Action }) {
  const [state, submit, isPending] = useActionState(props.action, idleForm);
  return (
    <details className={styles.action}>
      <summary className={styles.summary}>Cancel</summary>
      <form action={submit} className={styles.form}>
        <input type="hidden" name="meetingId" value={props.meetingId} />
        <Field label="Reason (sent to everyone)" error={state.errors?.reason}>
          {(control) => <textarea {...control} name="reason" maxLength={1000} />}
        </Field>
        {state.status === 'error' && state.message ? (
          <Notice tone="error">{state.message}</Notice>
        ) : null}
        <Button type="submit" variant="danger" size="small" aria-disabled={isPending}>
          {isPending ? 'Cancelling…' : 'Cancel the meeting'}
        </Button>
      </form>
    </details>
  );
}
