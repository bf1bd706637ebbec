'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useActionState, useCallback, useEffect, useState } from 'react';
import { Badge, Notice } from '@/components/ui/bits';
import { Button } from '@/components/ui/button';
import { idleForm, type FormState } from '@/lib/contracts/form-state';
import type { Webhook, WebhookDelivery } from '@/lib/contracts/webhooks';
import { ConfirmDialog } from './confirm-dialog';
import { LocalTime } from './local-time';
import { QueryProvider } from './query-provider';
import { SecretOnce } from './secret-once';
import styles from './developers.module.css';
import ui from '@/components/ui/ui.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;
type Actions = { test: Action; rotate: Action; remove: Action; replay: Action };

/** One endpoint: its controls (for admins) and its deliveries, kept live while some are open. */
export function WebhookEndpoint(props: {
  webhook: Webhook;
  deliveries: WebhookDelivery[];
  canChange: boolean;
  actions: Actions;
}) {
  return (
    <QueryProvider>
      <EndpointBody {...props} />
    </QueryProvider>
  );
}

function EndpointBody(props: {
  webhook: Webhook;
  deliveries: WebhookDelivery[];
  canChange: boolean;
  actions: Actions;
}) {
  const { webhook } = props;
  const queryClient = useQueryClient();
  const key = ['webhook-deliveries', webhook.id];
  const deliveries = useQuery({
    queryKey: key,
    initialData: props.deliveries,
    queryFn: async ({ signal }) => {
      const response = await fetch(`/dashboard/developers/webhooks/${webhook.id}/deliveries`, {
        signal,
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return ((await response.json()) as { deliveries: WebhookDelivery[] }).deliveries;
    },
    // While a delivery is still on its way, look again every two seconds.
    refetchInterval: (query) =>
      (query.state.data ?? []).some((d) => d.status === 'PENDING' || d.status === 'SENDING')
        ? 2000
        : false,
  });
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: ['webhook-deliveries', webhook.id] }),
    [queryClient, webhook.id],
  );
  return (
    <>
      {props.canChange ? (
        <EndpointControls webhook={webhook} actions={props.actions} onChanged={refresh} />
      ) : null}
      <section className={styles.section} aria-labelledby="deliveries-title">
        <h2 id="deliveries-title" className={styles.sectionTitle}>
          Recent deliveries
        </h2>
        {deliveries.isError ? (
          <Notice tone="error">The latest deliveries could not be loaded; reload the page.</Notice>
        ) : null}
        {deliveries.data.length === 0 ? (
          <p className={styles.muted}>
            Nothing was sent to this endpoint yet.
            {props.canChange ? ' Send a test event to check that your receiver answers.' : ''}
          </p>
        ) : (
          <ul className={styles.list} aria-label="Deliveries">
            {deliveries.data.map((delivery) => (
              <DeliveryItem
                key={delivery.id}
                delivery={delivery}
                webhookId={webhook.id}
                canReplay={props.canChange && webhook.status === 'ACTIVE'}
                replayAction={props.actions.replay}
                onReplayed={refresh}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function EndpointControls(props: { webhook: Webhook; actions: Actions; onChanged: () => void }) {
  const [testState, sendTest, isTesting] = useActionState(props.actions.test, idleForm);
  const [secret, setSecret] = useState<string | null>(null);
  const { onChanged } = props;
  useEffect(() => {
    if (testState.status !== 'idle') onChanged();
  }, [testState, onChanged]);
  const onRotated = useCallback((state: FormState) => setSecret(state.secret ?? null), []);
  const fields = { webhookId: props.webhook.id };
  return (
    <section className={styles.section} aria-label="Endpoint actions">
      <div className={styles.controls}>
        <form action={sendTest}>
          <input type="hidden" name="webhookId" value={props.webhook.id} />
          <Button type="submit" size="small" variant="primary" aria-disabled={isTesting}>
            {isTesting ? 'Sending…' : 'Send test event'}
          </Button>
        </form>
        <ConfirmDialog
          trigger="Rotate secret"
          title="Make a new signing secret?"
          confirm="Rotate secret"
          pending="Rotating…"
          fields={fields}
          action={props.actions.rotate}
          onDone={onRotated}
        >
          The new secret signs every delivery from now on. For 24 hours the old one signs beside it
          (deliveries carry both signatures), so your receiver keeps accepting them while you
          switch; deliveries waiting for a retry are signed the same way when they go out.
        </ConfirmDialog>
        <ConfirmDialog
          trigger="Delete endpoint"
          title="Delete this endpoint?"
          confirm="Delete endpoint"
          pending="Deleting…"
          tone="danger"
          fields={fields}
          action={props.actions.remove}
        >
          Parley stops sending events to {props.webhook.url} at once, and deliveries waiting for a
          retry are given up. This cannot be undone.
        </ConfirmDialog>
      </div>
      {testState.status !== 'idle' && testState.message ? (
        <Notice tone={testState.status === 'ok' ? 'success' : 'error'}>{testState.message}</Notice>
      ) : null}
      {secret ? <SecretOnce label="The new signing secret:" value={secret} /> : null}
    </section>
  );
}

const deliveryTone = {
  SUCCEEDED: 'good',
  FAILED: 'bad',
  PENDING: 'warn',
  SENDING: 'info',
} as const;
const deliveryLabel = {
  SUCCEEDED: 'Delivered',
  FAILED: 'Failed',
  PENDING: 'Waiting to retry',
  SENDING: 'Sending',
} as const;

function DeliveryItem(props: {
  delivery: WebhookDelivery;
  webhookId: string;
  canReplay: boolean;
  replayAction: Action;
  onReplayed: () => void;
}) {
  const { delivery } = props;
  const last = delivery.attempts.at(-1);
  const [state, replay, isReplaying] = useActionState(props.replayAction, idleForm);
  const { onReplayed } = props;
  useEffect(() => {
    if (state.status === 'ok') onReplayed();
  }, [state, onReplayed]);
  const hasFailed = delivery.status === 'FAILED' || (delivery.status === 'PENDING' && !!last);
  const status = delivery.status === 'PENDING' && !last ? 'Queued' : deliveryLabel[delivery.status];
  return (
    <li
      className={`${styles.delivery} ${hasFailed ? styles.deliveryFailed : ''}`}
      data-testid="delivery"
      data-status={delivery.status}
    >
      <div>
        <p className={styles.rowTitle}>
          <span className={styles.mono}>{delivery.event}</span>
          <Badge tone={deliveryTone[delivery.status]}>{status}</Badge>
        </p>
        <dl className={styles.facts}>
          <div>
            <dt>Time</dt>
            <dd>
              <LocalTime iso={last?.attemptedAt ?? delivery.createdAt} />
            </dd>
          </div>
          <div>
            <dt>Status code</dt>
            <dd data-testid="status-code">{last?.statusCode ?? '—'}</dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{last ? `${last.durationMs} ms` : '—'}</dd>
          </div>
          <div>
            <dt>Attempt</dt>
            <dd data-testid="attempt">{delivery.attemptCount}</dd>
          </div>
          {delivery.status === 'PENDING' && delivery.nextAttemptAt && last ? (
            <div>
              <dt>Next try</dt>
              <dd>
                <LocalTime iso={delivery.nextAttemptAt} />
              </dd>
            </div>
          ) : null}
        </dl>
        {last?.error ? <p className={`${styles.error} ${styles.muted}`}>{last.error}</p> : null}
        {delivery.attempts.length > 1 ? (
          <details>
            <summary className={styles.muted}>Every attempt ({delivery.attempts.length})</summary>
            <ol className={styles.attempts}>
              {delivery.attempts.map((a) => (
                <li key={a.attempt}>
                  <LocalTime iso={a.attemptedAt} />: {a.statusCode ?? 'no answer'}, {a.durationMs}{' '}
                  ms{a.error ? ` (${a.error})` : ''}
                </li>
              ))}
            </ol>
          </details>
        ) : null}
        {state.status === 'error' && state.message ? (
          <Notice tone="error">{state.message}</Notice>
        ) : null}
      </div>
      {props.canReplay && delivery.status !== 'SENDING' ? (
        <form action={replay}>
          <input type="hidden" name="webhookId" value={props.webhookId} />
          <input type="hidden" name="deliveryId" value={delivery.id} />
          <Button type="submit" size="small" aria-disabled={isReplaying}>
            {isReplaying ? 'Replaying…' : 'Replay'}
            <span className={ui.srOnly}> {delivery.event} delivery</span>
          </Button>
        </form>
      ) : null}
    </li>
  );
}
