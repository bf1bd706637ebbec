import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { WebhookEndpoint } from '@/components/dashboard/webhook-endpoint';
import styles from '@/components/dashboard/developers.module.css';
import { Badge, PageHeader } from '@/components/ui/bits';
import { ButtonLink } from '@/components/ui/button';
import { hasRole } from '@/lib/contracts/members';
import { DomainError } from '@/lib/domain/errors';
import { loadForPage } from '@/lib/server/dashboard/page-data';
import { getWebhookEndpointPage } from '@/lib/server/services/dashboard/get-developers';
import {
  deleteWebhookAction,
  replayDeliveryAction,
  rotateWebhookSecretAction,
  sendTestWebhookAction,
} from '../../actions';

export const metadata: Metadata = { title: 'Webhook endpoint' };

/** One webhook endpoint: its deliveries, replay, test event, secret rotation (DESIGN §9). */
export default async function WebhookEndpointPage(props: { params: Promise<{ id: string }> }) {
  const { id } = await props.params;
  const { member, data } = await loadForPage(
    `/dashboard/developers/webhooks/${id}`,
    async ({ db, member }) => {
      try {
        return await getWebhookEndpointPage(db, { organizationId: member.organizationId, id });
      } catch (error) {
        if (error instanceof DomainError && error.code === 'not_found') return null;
        throw error;
      }
    },
  );
  if (!data) notFound();
  const { webhook } = data;
  return (
    <>
      <PageHeader
        title="Webhook endpoint"
        lead={<span className={styles.mono}>{webhook.url}</span>}
        actions={<ButtonLink href="/dashboard/developers">All endpoints</ButtonLink>}
      />
      <dl className={`${styles.facts} ${styles.spaced}`}>
        <div>
          <dt>Status</dt>
          <dd>
            {webhook.status === 'ACTIVE' ? (
              <Badge tone="good">Active</Badge>
            ) : (
              <Badge tone="bad">Disabled</Badge>
            )}
          </dd>
        </div>
        <div>
          <dt>Events</dt>
          <dd>{webhook.events ? webhook.events.join(', ') : 'Every event'}</dd>
        </div>
        {webhook.description ? (
          <div>
            <dt>Description</dt>
            <dd>{webhook.description}</dd>
          </div>
        ) : null}
      </dl>
      {webhook.disabledReason ? <p className={styles.error}>{webhook.disabledReason}</p> : null}
      <WebhookEndpoint
        webhook={webhook}
        deliveries={data.deliveries}
        canChange={hasRole(member.role, 'ADMIN')}
        actions={{
          test: sendTestWebhookAction,
          rotate: rotateWebhookSecretAction,
          remove: deleteWebhookAction,
          replay: replayDeliveryAction,
        }}
      />
    </>
  );
}
