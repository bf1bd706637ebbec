'use client';

import { startTransition, useActionState, useEffect, useState, type FormEvent } from 'react';
import { Notice } from '@/components/ui/bits';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { idleForm, type FormState } from '@/lib/contracts/form-state';
import { videoProviders } from '@/lib/contracts/meeting';
import type { MeetingTemplate } from '@/lib/contracts/meeting-template';
import { ErrorSummary, fieldId, GroupError } from './form-errors';
import { QueryProvider } from './query-provider';
import {
  draftOf,
  newOpenHours,
  templateLabelOf,
  toTemplateBody,
  weekdays,
  type OpenHoursRow,
  type TemplateDraft,
} from './template-draft';
import { ParticipantsSection } from './template-participants';
import { TemplatePreview } from './template-preview';
import { ZoneSelect } from './zone-select';
import styles from './forms.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

const readOnlyAction = (state: FormState) => Promise.resolve(state);

/**
 * The meeting template form (create and edit) beside a live preview of the starts it would offer.
 * The draft is sent as the API's body; the server action checks it with the API's schema and
 * errors come back at their paths. Without an action (a VIEWER) every field is read-only.
 */
export function TemplateForm(props: { template: MeetingTemplate | null; action: Action | null }) {
  const [state, submit, isPending] = useActionState(props.action ?? readOnlyAction, idleForm);
  const [draft, setDraft] = useState<TemplateDraft>(() => draftOf(props.template, 'UTC'));
  const isReadOnly = !props.action;
  const errors = state.errors ?? {};
  const cfg = (name: string) => errors[`meetingConfiguration.${name}`];
  const set = (change: Partial<TemplateDraft>) => setDraft((d) => ({ ...d, ...change }));

  // A new template starts in the recruiter's own zone (the server cannot know it).
  useEffect(() => {
    if (props.template) return;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    setDraft((d) => ({
      ...d,
      timezone: d.timezone === 'UTC' ? zone : d.timezone,
      participants: d.participants.map((p) =>
        p.timezone === 'UTC' ? { ...p, timezone: zone } : p,
      ),
    }));
  }, [props.template]);

  const body = JSON.stringify(toTemplateBody(draft));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData();
    data.set('payload', body);
    if (props.template) data.set('templateId', props.template.id);
    startTransition(() => submit(data));
  };
  const setWindow = (key: number, change: Partial<OpenHoursRow>) =>
    set({ openHours: draft.openHours.map((w) => (w.key === key ? { ...w, ...change } : w)) });

  return (
    <QueryProvider>
      <div className={styles.layout}>
        <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Meeting template">
          <ErrorSummary state={state} labelOf={templateLabelOf} />
          {state.status === 'ok' && state.message ? (
            <Notice tone="success">{state.message}</Notice>
          ) : null}
          <fieldset className={styles.section} disabled={isReadOnly}>
            <legend>Template</legend>
            <Field
              id={fieldId('name')}
              label="Name (required)"
              hint="What recruiters pick in a campaign, e.g. “Phone screen, 30 min”."
              error={errors.name}
            >
              {(control) => (
                <input
                  {...control}
                  value={draft.name}
                  maxLength={200}
                  autoComplete="off"
                  onChange={(e) => set({ name: e.target.value })}
                />
              )}
            </Field>
          </fieldset>

          <fieldset className={styles.section} disabled={isReadOnly}>
            <legend>The meeting</legend>
            <Field
              id={fieldId('meetingConfiguration.title')}
              label="Meeting title (required)"
              hint="{{candidateName}}, {{firstName}}, {{position}} and {{company}} are replaced by the candidate's name, first name, and the campaign's position and company."
              error={cfg('title')}
            >
              {(control) => (
                <input
                  {...control}
                  value={draft.title}
                  maxLength={300}
                  onChange={(e) => set({ title: e.target.value })}
                />
              )}
            </Field>
            <Field
              id={fieldId('meetingConfiguration.description')}
              label="Description"
              hint="Shown on the booking page and in the invitation."
              error={cfg('description')}
            >
              {(control) => (
                <textarea
                  {...control}
                  value={draft.description}
                  maxLength={5000}
                  onChange={(e) => set({ description: e.target.value })}
                />
              )}
            </Field>
            <div className={styles.row}>
              <Field
                id={fieldId('meetingConfiguration.duration')}
                label="Duration (minutes)"
                error={cfg('duration')}
              >
                {(control) => (
                  <input
                    {...control}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={1440}
                    value={draft.duration}
                    onChange={(e) => set({ duration: e.target.value })}
                  />
                )}
              </Field>
              <ZoneSelect
                id={fieldId('meetingConfiguration.timezone')}
                label="Meeting time zone"
                value={draft.timezone}
                onChange={(timezone) => set({ timezone })}
                error={cfg('timezone')}
                disabled={isReadOnly}
              />
            </div>
            <fieldset
              className={styles.choices}
              id={fieldId('meetingConfiguration.videoConferencing')}
              tabIndex={-1}
            >
              <legend>Where</legend>
              <label className={styles.choice}>
                <input
                  type="radio"
                  name="where"
                  checked={draft.videoConferencing}
                  onChange={() => set({ videoConferencing: true })}
                />
                Video call
              </label>
              <label className={styles.choice}>
                <input
                  type="radio"
                  name="where"
                  checked={!draft.videoConferencing}
                  onChange={() => set({ videoConferencing: false })}
                />
                In person or by phone
              </label>
            </fieldset>
            {draft.videoConferencing ? (
              <Field
                id={fieldId('meetingConfiguration.videoConferencingProvider')}
                label="Video provider"
                error={cfg('videoConferencingProvider')}
              >
                {(control) => (
                  <select
                    {...control}
                    value={draft.videoConferencingProvider}
                    onChange={(e) => set({ videoConferencingProvider: e.target.value })}
                  >
                    {videoProviders.map((v) => (
                      <option key={v}>{v}</option>
                    ))}
                  </select>
                )}
              </Field>
            ) : (
              <Field
                id={fieldId('meetingConfiguration.location')}
                label="Location"
                hint="An address, or how the call happens."
                error={cfg('location')}
              >
                {(control) => (
                  <input
                    {...control}
                    value={draft.location}
                    maxLength={500}
                    onChange={(e) => set({ location: e.target.value })}
                  />
                )}
              </Field>
            )}
          </fieldset>

          <fieldset
            className={styles.section}
            disabled={isReadOnly}
            id={fieldId('meetingConfiguration.openHours')}
            tabIndex={-1}
          >
            <legend>Open hours</legend>
            <p className={styles.sectionLead}>
              When meetings may happen, on the meeting time zone&apos;s clock.
            </p>
            <GroupError error={cfg('openHours')} />
            {draft.openHours.map((w, i) => {
              const path = `meetingConfiguration.openHours.${i}`;
              return (
                <div key={w.key} className={styles.block} data-testid="open-hours">
                  <fieldset className={styles.days} id={fieldId(`${path}.days`)} tabIndex={-1}>
                    <legend>Window {i + 1}: days</legend>
                    {weekdays.map((d) => (
                      <label key={d.day} className={styles.choice}>
                        <input
                          type="checkbox"
                          checked={w.days.includes(d.day)}
                          onChange={(e) =>
                            setWindow(w.key, {
                              days: e.target.checked
                                ? [...w.days, d.day].sort((a, b) => a - b)
                                : w.days.filter((x) => x !== d.day),
                            })
                          }
                        />
                        <abbr title={d.name}>{d.short}</abbr>
                      </label>
                    ))}
                    <GroupError error={errors[`${path}.days`]} />
                  </fieldset>
                  <div className={styles.inlineFields}>
                    <Field
                      id={fieldId(`${path}.start`)}
                      label={`Window ${i + 1}: from`}
                      error={errors[`${path}.start`]}
                    >
                      {(control) => (
                        <input
                          {...control}
                          type="time"
                          value={w.start}
                          onChange={(e) => setWindow(w.key, { start: e.target.value })}
                        />
                      )}
                    </Field>
                    <Field
                      id={fieldId(`${path}.end`)}
                      label={`Window ${i + 1}: to`}
                      error={errors[`${path}.end`]}
                    >
                      {(control) => (
                        <input
                          {...control}
                          type="time"
                          value={w.end}
                          onChange={(e) => setWindow(w.key, { end: e.target.value })}
                        />
                      )}
                    </Field>
                    {isReadOnly || draft.openHours.length < 2 ? null : (
                      <Button
                        size="small"
                        onClick={() =>
                          set({ openHours: draft.openHours.filter((x) => x.key !== w.key) })
                        }
                      >
                        Remove window {i + 1}
                      </Button>
                    )}
                  </div>
                </div>
              );
            })}
            {isReadOnly ? null : (
              <div>
                <Button
                  size="small"
                  onClick={() => set({ openHours: [...draft.openHours, newOpenHours()] })}
                >
                  Add a window
                </Button>
              </div>
            )}
          </fieldset>

          <fieldset className={styles.section} disabled={isReadOnly}>
            <legend>Booking rules</legend>
            <div className={`${styles.row} ${styles.row3}`}>
              {(
                [
                  [
                    'slotInterval',
                    'Start every (minutes)',
                    'Empty: 30 for meetings of 30 minutes or more, else 15.',
                  ],
                  [
                    'bufferMinutes',
                    'Buffer (minutes)',
                    'Kept free before and after other meetings; a multiple of 5, up to 120.',
                  ],
                  [
                    'minimumNoticeMinutes',
                    'Minimum notice (minutes)',
                    'How soon a candidate may book.',
                  ],
                  ['bookingHorizonDays', 'Booking horizon (days)', 'How far ahead; 1 to 365.'],
                  ['reminderMinutesBefore', 'Reminder (minutes before)', '1440 is a day before.'],
                ] as const
              ).map(([name, label, hint]) => (
                <Field
                  key={name}
                  id={fieldId(`meetingConfiguration.${name}`)}
                  label={label}
                  hint={hint}
                  error={cfg(name)}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      value={draft[name]}
                      onChange={(e) => set({ [name]: e.target.value })}
                    />
                  )}
                </Field>
              ))}
            </div>
          </fieldset>

          <ParticipantsSection
            rows={draft.participants}
            onChange={(participants) => set({ participants })}
            errors={errors}
            zone={draft.timezone}
            isReadOnly={isReadOnly}
            method={draft.availabilityMethod}
            onMethodChange={(availabilityMethod) => set({ availabilityMethod })}
          />

          {isReadOnly ? null : (
            <div className={styles.footer}>
              <Button type="submit" variant="primary" aria-disabled={isPending}>
                {isPending ? 'Saving…' : props.template ? 'Save changes' : 'Create template'}
              </Button>
              <a href="/dashboard/templates">Back to meeting templates</a>
            </div>
          )}
        </form>
        <aside className={styles.aside} aria-label="Preview">
          <TemplatePreview body={body} labelOf={templateLabelOf} />
        </aside>
      </div>
    </QueryProvider>
  );
}

/** Delete, behind a second step; a template a campaign uses is refused by the service. */
export function DeleteTemplateForm(props: { templateId: string; name: string; action: Action }) {
  const [state, submit, isPending] = useActionState(props.action, idleForm);
  return (
    <details className={styles.confirm}>
      <summary>Delete template…</summary>
      <form action={submit} className={styles.confirmBody}>
        <input type="hidden" name="templateId" value={props.templateId} />
        <p className={styles.muted}>
          “{props.name}” will no longer be offered to campaigns. Conversations already started keep
          their copy of it.
        </p>
        {state.status === 'error' && state.message ? (
          <Notice tone="error">{state.message}</Notice>
        ) : null}
        <Button type="submit" variant="danger" aria-disabled={isPending}>
          {isPending ? 'Deleting…' : 'Yes, delete this template'}
        </Button>
      </form>
    </details>
  );
}
