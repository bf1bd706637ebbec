'use client';

import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { fieldId, GroupError } from './form-errors';
import type { AvailabilityMethod } from '@/lib/contracts/meeting';
import { newParticipant, newSlot, type ParticipantRow, type SlotRow } from './template-draft';
import { MethodChoice } from './template-method';
import { ZoneSelect } from './zone-select';
import styles from './forms.module.css';

type Props = {
  rows: ParticipantRow[];
  onChange: (rows: ParticipantRow[]) => void;
  errors: Record<string, string>;
  zone: string;
  isReadOnly: boolean;
  method: AvailabilityMethod;
  onMethodChange: (method: AvailabilityMethod) => void;
};

/** The interviewers: who they are, who organizes, and where their free time comes from. */
export function ParticipantsSection(props: Props) {
  const { rows, onChange, errors, zone, isReadOnly, method } = props;
  const isRoundRobin = method === 'ROUND_ROBIN';
  const update = (key: number, change: Partial<ParticipantRow>) =>
    onChange(rows.map((p) => (p.key === key ? { ...p, ...change } : p)));
  const updateSlot = (p: ParticipantRow, slotKey: number, change: Partial<SlotRow>) =>
    update(p.key, { slots: p.slots.map((s) => (s.key === slotKey ? { ...s, ...change } : s)) });
  return (
    <fieldset className={styles.section} id={fieldId('meetingParticipants')} tabIndex={-1}>
      <legend>Interviewers</legend>
      <MethodChoice
        method={method}
        onChange={props.onMethodChange}
        error={errors.availabilityMethod}
      />
      <p className={styles.sectionLead}>
        {isRoundRobin
          ? 'One of them is assigned to each meeting; a start is offered when one of them is free.'
          : 'Everyone listed attends; a start is offered when all of them are free.'}
      </p>
      <GroupError error={errors.meetingParticipants} />
      {rows.map((p, i) => {
        const path = `meetingParticipants.${i}`;
        const err = (rest: string) => errors[`${path}.${rest}`];
        return (
          <div key={p.key} className={styles.block} data-testid="participant">
            <div className={styles.blockHead}>
              <h3 className={styles.blockTitle}>Participant {i + 1}</h3>
              {rows.length > 1 && !isReadOnly ? (
                <Button
                  size="small"
                  onClick={() => {
                    const rest = rows.filter((r) => r.key !== p.key);
                    if (p.isOrganizer && rest[0]) rest[0] = { ...rest[0], isOrganizer: true };
                    onChange(rest);
                  }}
                >
                  Remove participant {i + 1}
                </Button>
              ) : null}
            </div>
            <div className={styles.row}>
              <Field id={fieldId(`${path}.name`)} label="Name" error={err('name')}>
                {(control) => (
                  <input
                    {...control}
                    value={p.name}
                    maxLength={200}
                    onChange={(e) => update(p.key, { name: e.target.value })}
                  />
                )}
              </Field>
              <Field id={fieldId(`${path}.email`)} label="Email" error={err('email')}>
                {(control) => (
                  <input
                    {...control}
                    type="email"
                    value={p.email}
                    onChange={(e) => update(p.key, { email: e.target.value })}
                  />
                )}
              </Field>
            </div>
            <div className={styles.row}>
              <Field
                id={fieldId(`${path}.maxMeetingsPerDay`)}
                label="Meetings a day at most"
                hint="Empty: no limit. Counted across the organization."
                error={err('maxMeetingsPerDay')}
              >
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={50}
                    value={p.maxMeetingsPerDay}
                    onChange={(e) => update(p.key, { maxMeetingsPerDay: e.target.value })}
                  />
                )}
              </Field>
              <Field
                id={fieldId(`${path}.maxMeetingsPerWeek`)}
                label="Meetings a week at most"
                hint="Monday to Sunday in the meeting time zone."
                error={err('maxMeetingsPerWeek')}
              >
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={250}
                    value={p.maxMeetingsPerWeek}
                    onChange={(e) => update(p.key, { maxMeetingsPerWeek: e.target.value })}
                  />
                )}
              </Field>
            </div>
            <div className={styles.choices}>
              {isRoundRobin ? null : (
                <label className={styles.choice}>
                  <input
                    type="radio"
                    name="organizer"
                    id={fieldId(`${path}.isOrganizer`)}
                    checked={p.isOrganizer}
                    onChange={() =>
                      onChange(rows.map((r) => ({ ...r, isOrganizer: r.key === p.key })))
                    }
                  />
                  Organizer (sends the invitation)
                </label>
              )}
              <label className={styles.choice}>
                <input
                  type="checkbox"
                  id={fieldId(`${path}.isCalendarConnected`)}
                  checked={p.isCalendarConnected}
                  onChange={(e) => update(p.key, { isCalendarConnected: e.target.checked })}
                />
                Calendar connected (free when not busy in it)
              </label>
            </div>
            <GroupError error={err('isCalendarConnected')} />
            {p.isCalendarConnected ? null : (
              <fieldset
                className={styles.choices}
                id={fieldId(`${path}.availability`)}
                tabIndex={-1}
              >
                <legend>Availability</legend>
                <label className={styles.choice}>
                  <input
                    type="radio"
                    name={`mode-${p.key}`}
                    checked={p.mode === 'slots'}
                    onChange={() => update(p.key, { mode: 'slots' })}
                  />
                  Times entered here
                </label>
                <label className={styles.choice}>
                  <input
                    type="radio"
                    name={`mode-${p.key}`}
                    id={fieldId(`${path}.autoCollectAvailability`)}
                    checked={p.mode === 'auto'}
                    onChange={() => update(p.key, { mode: 'auto' })}
                  />
                  Ask them by email
                </label>
                <GroupError error={err('availability') ?? err('autoCollectAvailability')} />
              </fieldset>
            )}
            {!p.isCalendarConnected && p.mode === 'slots' ? (
              <>
                <ZoneSelect
                  id={fieldId(`${path}.availability.timezone`)}
                  label={`Time zone of participant ${i + 1}'s times`}
                  value={p.timezone}
                  onChange={(timezone) => update(p.key, { timezone })}
                  error={err('availability.timezone')}
                  disabled={isReadOnly}
                />
                <GroupError
                  id={fieldId(`${path}.availability.timeSlots`)}
                  error={err('availability.timeSlots')}
                />
                <ul className={styles.rows} aria-label={`Free times of participant ${i + 1}`}>
                  {p.slots.map((s, j) => {
                    const slotPath = `availability.timeSlots.${j}`;
                    return (
                      <li key={s.key} className={styles.inlineFields}>
                        <Field
                          id={fieldId(`${path}.${slotPath}.date`)}
                          label={`Time ${j + 1}: date`}
                          error={err(`${slotPath}.date`)}
                        >
                          {(control) => (
                            <input
                              {...control}
                              type="date"
                              value={s.date}
                              onChange={(e) => updateSlot(p, s.key, { date: e.target.value })}
                            />
                          )}
                        </Field>
                        <Field
                          id={fieldId(`${path}.${slotPath}.startTime`)}
                          label="from"
                          error={err(`${slotPath}.startTime`)}
                        >
                          {(control) => (
                            <input
                              {...control}
                              type="time"
                              value={s.startTime}
                              onChange={(e) => updateSlot(p, s.key, { startTime: e.target.value })}
                            />
                          )}
                        </Field>
                        <Field
                          id={fieldId(`${path}.${slotPath}.endTime`)}
                          label="to"
                          error={err(`${slotPath}.endTime`)}
                        >
                          {(control) => (
                            <input
                              {...control}
                              type="time"
                              value={s.endTime}
                              onChange={(e) => updateSlot(p, s.key, { endTime: e.target.value })}
                            />
                          )}
                        </Field>
                        {isReadOnly ? null : (
                          <Button
                            size="small"
                            aria-label={`Remove time ${j + 1} of participant ${i + 1}`}
                            onClick={() =>
                              update(p.key, { slots: p.slots.filter((r) => r.key !== s.key) })
                            }
                          >
                            Remove
                          </Button>
                        )}
                      </li>
                    );
                  })}
                </ul>
                {isReadOnly ? null : (
                  <div>
                    <Button
                      size="small"
                      onClick={() => update(p.key, { slots: [...p.slots, newSlot()] })}
                    >
                      Add a free time
                    </Button>
                  </div>
                )}
              </>
            ) : null}
          </div>
        );
      })}
      {isReadOnly ? null : (
        <div>
          <Button
            size="small"
            disabled={rows.length >= 50}
            onClick={() => onChange([...rows, newParticipant(zone, rows.length === 0)])}
          >
            Add a participant
          </Button>
        </div>
      )}
    </fieldset>
  );
}
