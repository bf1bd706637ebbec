'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { Notice } from '@/components/ui/bits';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import {
  agentTones,
  campaignTypes,
  channels,
  closingMethods,
  type Campaign,
} from '@/lib/contracts/campaign';
import { languages } from '@/lib/contracts/common';
import { idleForm, type FormState } from '@/lib/contracts/form-state';
import {
  agentToneLabels as toneLabels,
  campaignTypeLabels as typeLabels,
  channelLabels,
  closingMethodLabels as closingLabels,
  languageLabels,
} from './campaign-labels';
import { ErrorSummary, fieldId, GroupError } from './form-errors';
import styles from './forms.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

const fieldLabels: Record<string, string> = {
  campaignTitle: 'Title',
  campaignDescription: 'Description',
  campaignType: 'Type',
  channel: 'Channel',
  calendarMeetingTemplateId: 'Meeting template',
  closingMethod: 'How the conversation ends',
  customMessage: 'Closing message',
  contactNumber: 'Phone number',
  meetingUrl: 'Meeting link',
  company: 'Company',
  position: 'Position',
  location: 'Location',
  questions: 'Screening questions',
  agentName: 'Agent name',
  agentTone: 'Agent tone',
  conversationTimeoutHours: 'Timeout (hours)',
  status: 'Status',
  language: 'Language',
  agentInstructions: 'What the agent may say about the role',
  closingMessage: 'Message when the conversation completes',
  rejectionMessage: 'Message when a screening answer rules the candidate out',
  nudges: 'Nudges',
  'nudges.count': 'Nudges',
  'nudges.intervalHours': 'Hours between nudges',
};

const labelOf = (path: string) => {
  const question = /^questions\.(\d+)$/.exec(path);
  if (question) return `Question ${Number(question[1]) + 1}`;
  return fieldLabels[path] ?? path;
};

type Props = {
  campaign: Campaign | null;
  templates: { id: string; name: string }[];
  action: Action | null;
};

/** "Yes/no, must be yes", "A number, at least 2": what a structured question checks. */
function describeShape(shape: string): string {
  const { kind, knockout } = JSON.parse(shape) as {
    kind: string;
    knockout?: { expected?: string; min?: number; max?: number };
  };
  const what = kind === 'YES_NO' ? 'Yes/no' : kind === 'NUMBER' ? 'A number' : 'Free text';
  if (!knockout) return what;
  if (knockout.expected) return `${what}; must be ${knockout.expected.toLowerCase()}`;
  const range = [
    knockout.min !== undefined ? `at least ${knockout.min}` : null,
    knockout.max !== undefined ? `at most ${knockout.max}` : null,
  ].filter(Boolean);
  return `${what}; ${range.join(' and ')}`;
}

/** A viewer's form has no action: nothing it could submit changes anything. */
const readOnlyAction = (state: FormState) => Promise.resolve(state);

let nextKey = 0;
/** A question row; `shape` keeps a structured question's kind and knockout (set through the API). */
const newRow = (text: string, shape = '') => ({ key: nextKey++, text, shape });

/**
 * The campaign form (create and edit): the API's fields, checked by the API's schema in the
 * server action; errors come back at their paths and show at their fields. Without an action
 * (a VIEWER) it is a read-only view of the same fields.
 */
export function CampaignForm({ campaign, templates, action }: Props) {
  const [state, submit, isPending] = useActionState(action ?? readOnlyAction, idleForm);
  const [method, setMethod] = useState(campaign?.closingMethod ?? 'CALENDAR_MEETING_INTEGRATION');
  const [templateId, setTemplateId] = useState(campaign?.calendarMeetingTemplateId ?? '');
  const [questions, setQuestions] = useState(() =>
    (campaign?.questions ?? []).map((q) => {
      if (typeof q === 'string') return newRow(q);
      const { text, ...shape } = q;
      return newRow(text, JSON.stringify(shape));
    }),
  );
  const isReadOnly = !action;
  const errors = state.errors ?? {};
  const err = (path: string) => errors[path];

  // Submitted by hand, not through <form action>: React would reset the fields after the action,
  // and a recruiter who made one mistake must not retype the rest.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const filled = questions.filter((q) => q.text.trim() !== '');
    setQuestions(filled);
    const data = new FormData(event.currentTarget);
    startTransition(() => submit(data));
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="Campaign">
      <ErrorSummary state={state} labelOf={labelOf} />
      {state.status === 'ok' && state.message ? (
        <Notice tone="success">{state.message}</Notice>
      ) : null}
      {campaign ? <input type="hidden" name="campaignId" value={campaign.id} /> : null}

      <fieldset className={styles.section} disabled={isReadOnly}>
        <legend>The campaign</legend>
        <Field
          id={fieldId('campaignTitle')}
          label="Title (required)"
          hint="What recruiters see; candidates do not."
          error={err('campaignTitle')}
        >
          {(control) => (
            <input
              {...control}
              name="campaignTitle"
              defaultValue={campaign?.campaignTitle ?? ''}
              maxLength={200}
              autoComplete="off"
            />
          )}
        </Field>
        <Field
          id={fieldId('campaignDescription')}
          label="Description"
          error={err('campaignDescription')}
        >
          {(control) => (
            <textarea
              {...control}
              name="campaignDescription"
              defaultValue={campaign?.campaignDescription ?? ''}
              maxLength={5000}
            />
          )}
        </Field>
        <div className={`${styles.row} ${styles.row3}`}>
          <Field id={fieldId('channel')} label="Channel (required)" error={err('channel')}>
            {(control) => (
              <select {...control} name="channel" defaultValue={campaign?.channel ?? ''}>
                <option value="" disabled>
                  Choose a channel
                </option>
                {channels.map((c) => (
                  <option key={c} value={c}>
                    {channelLabels[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={fieldId('campaignType')} label="Type" error={err('campaignType')}>
            {(control) => (
              <select
                {...control}
                name="campaignType"
                defaultValue={campaign?.campaignType ?? 'SCHEDULING'}
              >
                {campaignTypes.map((t) => (
                  <option key={t} value={t}>
                    {typeLabels[t]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={fieldId('language')}
            label="Language"
            hint="The agent writes in it; the booking page speaks it."
            error={err('language')}
          >
            {(control) => (
              <select {...control} name="language" defaultValue={campaign?.language ?? 'en'}>
                {languages.map((l) => (
                  <option key={l} value={l}>
                    {languageLabels[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset className={styles.choices} id={fieldId('status')} tabIndex={-1}>
          <legend>Status</legend>
          <label className={styles.choice}>
            <input
              type="radio"
              name="status"
              value="LIVE"
              defaultChecked={(campaign?.status ?? 'LIVE') === 'LIVE'}
            />
            Live: new conversations start right away
          </label>
          <label className={styles.choice}>
            <input
              type="radio"
              name="status"
              value="DRAFT"
              defaultChecked={campaign?.status === 'DRAFT'}
            />
            Draft: sends nothing
          </label>
          <GroupError error={err('status')} />
        </fieldset>
      </fieldset>

      <fieldset className={styles.section} disabled={isReadOnly}>
        <legend>The role</legend>
        <p className={styles.sectionLead}>The agent tells candidates about it.</p>
        <div className={`${styles.row} ${styles.row3}`}>
          <Field id={fieldId('company')} label="Company" error={err('company')}>
            {(control) => (
              <input
                {...control}
                name="company"
                defaultValue={campaign?.company ?? ''}
                maxLength={200}
              />
            )}
          </Field>
          <Field id={fieldId('position')} label="Position" error={err('position')}>
            {(control) => (
              <input
                {...control}
                name="position"
                defaultValue={campaign?.position ?? ''}
                maxLength={200}
              />
            )}
          </Field>
          <Field id={fieldId('location')} label="Location" error={err('location')}>
            {(control) => (
              <input
                {...control}
                name="location"
                defaultValue={campaign?.location ?? ''}
                maxLength={500}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className={styles.section} disabled={isReadOnly}>
        <legend>How it ends</legend>
        <Field
          id={fieldId('calendarMeetingTemplateId')}
          label="Meeting template"
          hint={
            templates.length === 0
              ? 'No meeting templates yet: create one under Meeting templates to book interviews.'
              : 'With a template, each conversation books an interview with its interviewers and rules.'
          }
          error={err('calendarMeetingTemplateId')}
        >
          {(control) => (
            <select
              {...control}
              name="calendarMeetingTemplateId"
              value={templateId}
              onChange={(e) => setTemplateId(e.target.value)}
            >
              <option value="">No template</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={fieldId('closingMethod')}
          label="How the conversation ends"
          error={err('closingMethod')}
        >
          {(control) => (
            <select
              {...control}
              name="closingMethod"
              value={method}
              onChange={(e) => setMethod(e.target.value as Campaign['closingMethod'])}
            >
              {closingMethods.map((m) => (
                <option key={m} value={m}>
                  {closingLabels[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {method === 'CUSTOM' ? (
          <Field
            id={fieldId('customMessage')}
            label="Closing message (required)"
            hint="Sent to the candidate when the conversation ends."
            error={err('customMessage')}
          >
            {(control) => (
              <textarea
                {...control}
                name="customMessage"
                defaultValue={campaign?.customMessage ?? ''}
                maxLength={2000}
              />
            )}
          </Field>
        ) : null}
        {method === 'PHONE_NUMBER' ? (
          <Field
            id={fieldId('contactNumber')}
            label="Phone number (required)"
            hint="In international format, e.g. +14155550123."
            error={err('contactNumber')}
          >
            {(control) => (
              <input
                {...control}
                name="contactNumber"
                type="tel"
                autoComplete="off"
                defaultValue={campaign?.contactNumber ?? ''}
              />
            )}
          </Field>
        ) : null}
        {method === 'MEETING_URL' ? (
          <Field
            id={fieldId('meetingUrl')}
            label="Meeting link (required)"
            hint="An http(s) address, e.g. https://example.com/call."
            error={err('meetingUrl')}
          >
            {(control) => (
              <input
                {...control}
                name="meetingUrl"
                type="url"
                defaultValue={campaign?.meetingUrl ?? ''}
              />
            )}
          </Field>
        ) : null}
        <Field
          id={fieldId('closingMessage')}
          label="Message when the conversation completes (optional)"
          hint="Sent when a conversation without a meeting template has its last answer."
          error={err('closingMessage')}
        >
          {(control) => (
            <textarea
              {...control}
              name="closingMessage"
              defaultValue={campaign?.closingMessage ?? ''}
              maxLength={2000}
            />
          )}
        </Field>
        <Field
          id={fieldId('rejectionMessage')}
          label="Message when an answer rules the candidate out (optional)"
          hint="Sent when a screening answer fails its knockout rule."
          error={err('rejectionMessage')}
        >
          {(control) => (
            <textarea
              {...control}
              name="rejectionMessage"
              defaultValue={campaign?.rejectionMessage ?? ''}
              maxLength={2000}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className={styles.section} disabled={isReadOnly}>
        <legend>The agent</legend>
        <div className={`${styles.row} ${styles.row3}`}>
          <Field
            id={fieldId('agentName')}
            label="Agent name"
            hint="How the agent signs."
            error={err('agentName')}
          >
            {(control) => (
              <input
                {...control}
                name="agentName"
                defaultValue={campaign?.agentName ?? ''}
                maxLength={100}
              />
            )}
          </Field>
          <Field id={fieldId('agentTone')} label="Agent tone" error={err('agentTone')}>
            {(control) => (
              <select
                {...control}
                name="agentTone"
                defaultValue={campaign?.agentTone ?? 'FRIENDLY'}
              >
                {agentTones.map((t) => (
                  <option key={t} value={t}>
                    {toneLabels[t]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={fieldId('conversationTimeoutHours')}
            label="Timeout (hours)"
            hint="A silent conversation closes after this; at least 24."
            error={err('conversationTimeoutHours')}
          >
            {(control) => (
              <input
                {...control}
                name="conversationTimeoutHours"
                type="number"
                inputMode="numeric"
                min={24}
                max={8760}
                defaultValue={campaign?.conversationTimeoutHours ?? 48}
              />
            )}
          </Field>
        </div>
        <Field
          id={fieldId('agentInstructions')}
          label="What the agent may say about the role"
          hint="Facts the agent can share when a candidate asks (pay, hours, place); at least 10 characters."
          error={err('agentInstructions')}
        >
          {(control) => (
            <textarea
              {...control}
              name="agentInstructions"
              defaultValue={campaign?.agentInstructions ?? ''}
              maxLength={5000}
            />
          )}
        </Field>
        <div className={styles.row}>
          <Field
            id={fieldId('nudges.count')}
            label="Nudges"
            hint="Reminders to a candidate who has not answered, 0 to 5."
            error={err('nudges.count')}
          >
            {(control) => (
              <input
                {...control}
                name="nudges.count"
                type="number"
                inputMode="numeric"
                min={0}
                max={5}
                defaultValue={campaign?.nudges.count ?? 2}
              />
            )}
          </Field>
          <Field
            id={fieldId('nudges.intervalHours')}
            label="Hours between nudges"
            hint="At least 4."
            error={err('nudges.intervalHours')}
          >
            {(control) => (
              <input
                {...control}
                name="nudges.intervalHours"
                type="number"
                inputMode="numeric"
                min={4}
                max={720}
                defaultValue={campaign?.nudges.intervalHours ?? 24}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset
        className={styles.section}
        disabled={isReadOnly}
        id={fieldId('questions')}
        tabIndex={-1}
      >
        <legend>Screening questions</legend>
        <p className={styles.sectionLead}>
          The agent asks them in order before the conversation ends.
        </p>
        {templateId ? (
          <p className={styles.note}>
            Screening questions are not allowed on a campaign with a meeting template: its
            conversations book an interview instead. Remove the questions or choose no template.
          </p>
        ) : null}
        <GroupError error={err('questions')} />
        {questions.length === 0 ? <p className={styles.muted}>No questions.</p> : null}
        <ol className={styles.rows}>
          {questions.map((q, i) => (
            <li key={q.key} className={styles.rowItem}>
              <Field
                id={fieldId(`questions.${i}`)}
                label={`Question ${i + 1}`}
                error={err(`questions.${i}`)}
              >
                {(control) => (
                  <input
                    {...control}
                    name="questions"
                    value={q.text}
                    maxLength={500}
                    onChange={(e) =>
                      setQuestions((rows) =>
                        rows.map((r) => (r.key === q.key ? { ...r, text: e.target.value } : r)),
                      )
                    }
                  />
                )}
              </Field>
              <input type="hidden" name="questionShapes" value={q.shape} />
              {q.shape ? <p className={styles.muted}>{describeShape(q.shape)}</p> : null}
              {isReadOnly ? null : (
                <Button
                  size="small"
                  aria-label={`Remove question ${i + 1}`}
                  onClick={() => setQuestions((rows) => rows.filter((r) => r.key !== q.key))}
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ol>
        {isReadOnly ? null : (
          <div>
            <Button
              size="small"
              disabled={questions.length >= 20}
              onClick={() => setQuestions((rows) => [...rows, newRow('')])}
            >
              Add a question
            </Button>
          </div>
        )}
      </fieldset>

      {isReadOnly ? null : (
        <div className={styles.footer}>
          <Button type="submit" variant="primary" aria-disabled={isPending}>
            {isPending ? 'Saving…' : campaign ? 'Save changes' : 'Create campaign'}
          </Button>
          <a href="/dashboard/campaigns">Back to campaigns</a>
        </div>
      )}
    </form>
  );
}

/** Delete, behind a second step that says what deleting does. */
export function DeleteCampaignForm(props: { campaignId: string; title: string; action: Action }) {
  const [state, submit, isPending] = useActionState(props.action, idleForm);
  return (
    <details className={styles.confirm}>
      <summary>Delete campaign…</summary>
      <form action={submit} className={styles.confirmBody}>
        <input type="hidden" name="campaignId" value={props.campaignId} />
        <p className={styles.muted}>
          “{props.title}” will take no new conversations. Conversations it already started keep
          their history and meetings.
        </p>
        {state.status === 'error' && state.message ? (
          <Notice tone="error">{state.message}</Notice>
        ) : null}
        <Button type="submit" variant="danger" aria-disabled={isPending}>
          {isPending ? 'Deleting…' : 'Yes, delete this campaign'}
        </Button>
      </form>
    </details>
  );
}
