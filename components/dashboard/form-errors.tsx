'use client';

import { useEffect, useRef } from 'react';
import type { FormState } from '@/lib/contracts/form-state';
import styles from './forms.module.css';

/** The id of the control (or group) that shows the error at `path` (an API `details[].path`). */
export const fieldId = (path: string) => `field-${path}`;

/**
 * What a failed save says at the top of its form: the message, and every field error as a link
 * to its field. It takes focus when it appears, so keyboard and screen-reader users land on it.
 */
export function ErrorSummary({
  state,
  labelOf,
}: {
  state: FormState;
  labelOf: (path: string) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const isShown = state.status === 'error';
  useEffect(() => {
    if (isShown) ref.current?.focus();
  }, [state, isShown]);
  if (!isShown) return null;
  const errors = Object.entries(state.errors ?? {});
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className={styles.summary}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title" className={styles.summaryTitle}>
        {errors.length > 0 ? 'Nothing was saved: fix these fields' : 'Nothing was saved'}
      </h2>
      {state.message && errors.length === 0 ? (
        <p className={styles.summaryText}>{state.message}</p>
      ) : null}
      {errors.length > 0 ? (
        <ul className={styles.summaryList}>
          {errors.map(([path, message]) => (
            <li key={path}>
              <a
                href={`#${fieldId(path)}`}
                onClick={(event) => {
                  const target = document.getElementById(fieldId(path));
                  if (!target) return;
                  event.preventDefault();
                  target.scrollIntoView({ block: 'center' });
                  target.focus();
                }}
              >
                {labelOf(path)}: {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A group's own error (e.g. "exactly one participant must be the organizer"), under its legend. */
export function GroupError({ id, error }: { id?: string; error?: string | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className={styles.groupError} data-field-error>
      {error}
    </p>
  );
}
