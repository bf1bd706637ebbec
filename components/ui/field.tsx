import { useId, type ReactNode } from 'react';
import styles from './ui.module.css';

type FieldProps = {
  label: string;
  /** The control's id, when something links to it (an error summary); generated otherwise. */
  id?: string;
  /** Shown under the control, read with it by screen readers. */
  hint?: string;
  /** The validation message for this field (the API's `details[].message` for its path). */
  error?: string | undefined;
  /** Renders the control, wired to the label, hint and error. */
  children: (control: {
    id: string;
    'aria-describedby': string | undefined;
    'aria-invalid': boolean | undefined;
    className: string;
  }) => ReactNode;
};

/** A labelled form control with its hint and its error, accessible as one. */
export function Field({ label, hint, error, children, id: givenId }: FieldProps) {
  const generated = useId();
  const id = givenId ?? generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children({
        id,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
        className: styles.control ?? '',
      })}
      {hint ? (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className={styles.error} data-field-error>
          {error}
        </p>
      ) : null}
    </div>
  );
}
