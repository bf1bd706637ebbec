'use client';

import { useActionState } from 'react';
import { Badge, EmptyState, Notice } from '@/components/ui/bits';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import {
  apiKeyLifetimes,
  apiKeyStatus,
  type ApiKeyStatus,
  type ApiKeyView,
} from '@/lib/contracts/dashboard-developers';
import { idleForm, type FormState } from '@/lib/contracts/form-state';
import { ConfirmDialog } from './confirm-dialog';
import { LocalTime } from './local-time';
import { SecretOnce } from './secret-once';
import styles from './developers.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

const statusBadge: Record<ApiKeyStatus, { tone: 'good' | 'warn' | 'bad'; label: string }> = {
  ACTIVE: { tone: 'good', label: 'Active' },
  EXPIRED: { tone: 'warn', label: 'Expired' },
  REVOKED: { tone: 'bad', label: 'Revoked' },
};

/** The organization's API keys; admins create (shown once) and revoke them. */
export function ApiKeys(props: {
  keys: ApiKeyView[];
  nowMs: number;
  canChange: boolean;
  createAction: Action;
  revokeAction: Action;
}) {
  return (
    <section className={styles.section} aria-labelledby="api-keys-title">
      <h2 id="api-keys-title" className={styles.sectionTitle}>
        API keys
      </h2>
      <p className={styles.muted}>
        Send a key in the <code>x-api-key</code> header with your organization id in{' '}
        <code>x-organization-id</code>. A revoked or expired key is refused at once (HTTP 401).
      </p>
      {props.canChange ? <CreateKeyForm action={props.createAction} /> : null}
      {props.keys.length === 0 ? (
        <EmptyState title="No API keys yet">
          {props.canChange
            ? 'Create a key above to call the Parley API from your ATS or scripts.'
            : 'An admin of your organization can create one.'}
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label="API keys">
          {props.keys.map((key) => {
            const status = apiKeyStatus(key, props.nowMs);
            return (
              <li key={key.id} className={styles.row} data-testid="api-key">
                <div>
                  <p className={styles.rowTitle}>
                    <span>{key.name}</span>
                    <Badge tone={statusBadge[status].tone}>{statusBadge[status].label}</Badge>
                  </p>
                  <dl className={styles.facts}>
                    <div>
                      <dt>Key</dt>
                      <dd className={styles.mono}>pk_{key.maskedKey}</dd>
                    </div>
                    <div>
                      <dt>Created</dt>
                      <dd>
                        <LocalTime iso={key.createdAt} />
                      </dd>
                    </div>
                    <div>
                      <dt>Last used</dt>
                      <dd>{key.lastUsedAt ? <LocalTime iso={key.lastUsedAt} /> : 'Never'}</dd>
                    </div>
                    <div>
                      <dt>{status === 'EXPIRED' ? 'Expired' : 'Expires'}</dt>
                      <dd>{key.expiresAt ? <LocalTime iso={key.expiresAt} /> : 'Never'}</dd>
                    </div>
                    {key.revokedAt ? (
                      <div>
                        <dt>Revoked</dt>
                        <dd>
                          <LocalTime iso={key.revokedAt} />
                        </dd>
                      </div>
                    ) : null}
                  </dl>
                </div>
                {props.canChange && status === 'ACTIVE' ? (
                  <div className={styles.controls}>
                    <ConfirmDialog
                      trigger="Revoke"
                      title={`Revoke “${key.name}”?`}
                      confirm="Revoke key"
                      pending="Revoking…"
                      tone="danger"
                      fields={{ keyId: key.id }}
                      action={props.revokeAction}
                    >
                      Everything that uses this key stops working at once: the API answers 401 to
                      it. This cannot be undone.
                    </ConfirmDialog>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function CreateKeyForm(props: { action: Action }) {
  const [state, submit, isPending] = useActionState(props.action, idleForm);
  return (
    <div className={styles.section}>
      {state.status === 'ok' && state.secret ? (
        <SecretOnce label={state.message ?? 'Your new API key'} value={state.secret} />
      ) : null}
      <form action={submit} className={styles.form} aria-label="Create an API key">
        <Field
          label="Key name"
          hint="Say where it is used, e.g. “Greenhouse integration”."
          error={state.errors?.name}
        >
          {(control) => <input {...control} name="name" maxLength={100} required />}
        </Field>
        <Field label="Expires" error={state.errors?.expiresInDays}>
          {(control) => (
            <select {...control} name="expiresInDays" defaultValue="">
              {apiKeyLifetimes.map((lifetime) => (
                <option key={lifetime.label} value={lifetime.days ?? ''}>
                  {lifetime.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {state.status === 'error' && state.message ? (
          <Notice tone="error">{state.message}</Notice>
        ) : null}
        <div>
          <Button type="submit" variant="primary" aria-disabled={isPending}>
            {isPending ? 'Creating…' : 'Create API key'}
          </Button>
        </div>
      </form>
    </div>
  );
}
