'use client';

import { useActionState } from 'react';
import { Badge, EmptyState, Notice } from '@/components/ui/bits';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { idleForm, type FormState } from '@/lib/contracts/form-state';
import { eventTypes, type Webhook } from '@/lib/contracts/webhooks';
import { SecretOnce } from './secret-once';
import styles from './developers.module.css';
import ui from '@/components/ui/ui.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

export type EndpointHealth = { failing: number; isDisabled: boolean };

/** The organization's webhook endpoints, failing ones first in the eye; admins add new ones. */
export function WebhookEndpoints(props: {
  webhooks: Webhook[];
  health: Record<string, EndpointHealth>;
  canChange: boolean;
  createAction: Action;
}) {
  return (
    <section className={styles.section} aria-labelledby="webhooks-title">
      <h2 id="webhooks-title" className={styles.sectionTitle}>
        Webhook endpoints
      </h2>
      <p className={styles.muted}>
        Parley posts signed events (Standard Webhooks) to these URLs and retries for about three
        days when an endpoint does not answer 2xx.
      </p>
      {props.canChange ? <CreateWebhookForm action={props.createAction} /> : null}
      {props.webhooks.length === 0 ? (
        <EmptyState title="No webhook endpoints yet">
          {props.canChange
            ? 'Add your receiver’s URL above to hear about meetings and conversations as they happen.'
            : 'An admin of your organization can add one.'}
        </EmptyState>
      ) : (
        <ul className={styles.list} aria-label="Webhook endpoints">
          {props.webhooks.map((webhook) => {
            const health = props.health[webhook.id];
            const isFailing = !!health && (health.isDisabled || health.failing > 0);
            return (
              <li
                key={webhook.id}
                className={`${styles.row} ${isFailing ? styles.failing : ''}`}
                data-testid="webhook-endpoint"
                data-failing={isFailing ? 'true' : undefined}
              >
                <div>
                  <p className={styles.rowTitle}>
                    <a
                      href={`/dashboard/developers/webhooks/${webhook.id}`}
                      className={styles.mono}
                    >
                      {webhook.url}
                    </a>
                    {webhook.status === 'DISABLED' ? (
                      <Badge tone="bad">Disabled</Badge>
                    ) : isFailing ? (
                      <Badge tone="bad">
                        {health.failing} failing {health.failing === 1 ? 'delivery' : 'deliveries'}
                      </Badge>
                    ) : (
                      <Badge tone="good">Active</Badge>
                    )}
                  </p>
                  {webhook.description ? (
                    <p className={styles.muted}>{webhook.description}</p>
                  ) : null}
                  <p className={styles.muted}>
                    {webhook.events ? webhook.events.join(', ') : 'Every event'}
                  </p>
                  {webhook.disabledReason ? (
                    <p className={styles.error}>{webhook.disabledReason}</p>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function CreateWebhookForm(props: { action: Action }) {
  const [state, submit, isPending] = useActionState(props.action, idleForm);
  return (
    <div className={styles.section}>
      {state.status === 'ok' && state.secret ? (
        <SecretOnce
          label={`${state.message ?? 'Endpoint added.'} Its signing secret:`}
          value={state.secret}
        />
      ) : null}
      <form action={submit} className={styles.form} aria-label="Add a webhook endpoint">
        <Field
          label="Endpoint URL"
          hint="An https:// address of your receiver."
          error={state.errors?.url}
        >
          {(control) => (
            <input
              {...control}
              name="url"
              type="url"
              inputMode="url"
              maxLength={2000}
              required
              placeholder="https://example.com/parley/webhooks"
            />
          )}
        </Field>
        <Field label="Description (optional)" error={state.errors?.description}>
          {(control) => <input {...control} name="description" maxLength={500} />}
        </Field>
        <fieldset className={styles.events} aria-describedby="events-hint">
          <legend>Events to send</legend>
          <p id="events-hint" className={`${styles.muted}`}>
            Leave every box empty to receive every event, including ones added later.
          </p>
          {eventTypes.map((event) => (
            <label key={event} className={ui.checkbox}>
              <input type="checkbox" name="events" value={event} />
              <span className={`${styles.mono} ${styles.eventName}`}>{event}</span>
            </label>
          ))}
          {state.errors?.events ? <p className={styles.error}>{state.errors.events}</p> : null}
        </fieldset>
        {state.status === 'error' && state.message ? (
          <Notice tone="error">{state.message}</Notice>
        ) : null}
        <div>
          <Button type="submit" variant="primary" aria-disabled={isPending}>
            {isPending ? 'Adding…' : 'Add endpoint'}
          </Button>
        </div>
      </form>
    </div>
  );
}
