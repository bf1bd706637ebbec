import type { Metadata } from 'next';
import { ApiKeys } from '@/components/dashboard/api-keys';
import { WebhookEndpoints } from '@/components/dashboard/webhook-endpoints';
import styles from '@/components/dashboard/developers.module.css';
import { PageHeader } from '@/components/ui/bits';
import { hasRole } from '@/lib/contracts/members';
import { loadForPage } from '@/lib/server/dashboard/page-data';
import { getDevelopers } from '@/lib/server/services/dashboard/get-developers';
import { createApiKeyAction, createWebhookAction, revokeApiKeyAction } from './actions';

export const metadata: Metadata = { title: 'Developers' };

/** API keys, webhook endpoints and the API's documentation (DESIGN §9). */
export default async function DevelopersPage() {
  const { member, now, data } = await loadForPage('/dashboard/developers', ({ db, now, member }) =>
    getDevelopers(db, { organizationId: member.organizationId, now }),
  );
  const canChange = hasRole(member.role, 'ADMIN');
  return (
    <>
      <PageHeader
        title="Developers"
        lead={
          <>
            Connect your systems to Parley. Your organization id is{' '}
            <code className={styles.mono}>{member.organizationId}</code>.
          </>
        }
      />
      <section className={styles.section} aria-labelledby="docs-title">
        <h2 id="docs-title" className={styles.sectionTitle}>
          Documentation
        </h2>
        <ul className={styles.links}>
          <li>
            <a href="/v1/openapi.json">OpenAPI 3.1 document of the API</a> (/v1/openapi.json):
            import it into Postman, Insomnia or a client generator.
          </li>
          <li>
            Webhooks are signed the Standard Webhooks way (<code>webhook-id</code>,{' '}
            <code>webhook-timestamp</code>, <code>webhook-signature</code>); a sample payload and
            JSON schema of every event are in the repository’s <code>docs/webhooks/</code> folder.
          </li>
        </ul>
      </section>
      <ApiKeys
        keys={data.keys}
        nowMs={now.getTime()}
        canChange={canChange}
        createAction={createApiKeyAction}
        revokeAction={revokeApiKeyAction}
      />
      <WebhookEndpoints
        webhooks={data.webhooks}
        health={data.health}
        canChange={canChange}
        createAction={createWebhookAction}
      />
    </>
  );
}
