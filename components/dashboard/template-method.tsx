'use client';

import type { AvailabilityMethod } from '@/lib/contracts/meeting';
import { fieldId, GroupError } from './form-errors';
import styles from './forms.module.css';

type Props = {
  method: AvailabilityMethod;
  onChange: (method: AvailabilityMethod) => void;
  error: string | undefined;
};

/** Everyone attends (collective), or one of a pool of 2–10 is assigned (round robin). */
export function MethodChoice({ method, onChange, error }: Props) {
  return (
    <fieldset className={styles.choices} id={fieldId('availabilityMethod')} tabIndex={-1}>
      <legend>Who attends</legend>
      <label className={styles.choice}>
        <input
          type="radio"
          name="availabilityMethod"
          checked={method === 'COLLECTIVE'}
          onChange={() => onChange('COLLECTIVE')}
        />
        Everyone (a start is offered when all are free)
      </label>
      <label className={styles.choice}>
        <input
          type="radio"
          name="availabilityMethod"
          checked={method === 'ROUND_ROBIN'}
          onChange={() => onChange('ROUND_ROBIN')}
        />
        Round robin: one of 2–10 interviewers, the free one with the fewest meetings in the next 14
        days
      </label>
      <GroupError error={error} />
    </fieldset>
  );
}
