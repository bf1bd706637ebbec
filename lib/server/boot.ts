import 'server-only';
import { env } from '@/lib/env';
import { now } from './clock';
import { getDb } from './db/client';
import { migrateDatabase } from './db/migrate';
import { reencryptStoredSecrets } from './crypto/reencrypt-secrets';
import { startBoss } from './jobs/boss';
import { startWorkers } from './jobs/workers';
import { log } from './log';
import { twilioConfigured } from './channels/transports';
import { llmConfigured } from './services/agent/llm';
import {
  calendarConnectedExample,
  seedDemoIfEmpty,
  type DemoSeed,
} from './services/organizations/seed-demo';

const store = globalThis as typeof globalThis & { __parleyBoot?: Promise<void> };

/**
 * Everything the server needs before its first request: valid settings, migrated database, the
 * demo organization on a fresh development database. Runs once per process.
 */
export function ensureBooted(): Promise<void> {
  store.__parleyBoot ??= boot().catch((error: unknown) => {
    store.__parleyBoot = undefined;
    throw error;
  });
  return store.__parleyBoot;
}

async function boot(): Promise<void> {
  const settings = env();
  await migrateDatabase();
  await reencryptStoredSecrets(getDb());
  await startBoss();
  if (settings.PARLEY_WORKER === 'embedded') await startWorkers();
  const wantsDemo =
    settings.PARLEY_DEMO_SEED === '1' ||
    (settings.PARLEY_DEMO_SEED === 'auto' && settings.NODE_ENV !== 'production');
  if (wantsDemo) {
    const demo = await seedDemoIfEmpty(getDb(), now());
    if (demo) printDemo(demo, settings.APP_URL);
  }
  log.info('parley ready', {
    database: settings.DATABASE_URL ? 'postgresql' : `embedded (${settings.PARLEY_DATA_DIR})`,
    appUrl: settings.APP_URL,
    // Each provider is live with its credentials, else its dev stand-in says so here.
    sms: twilioConfigured() ? 'twilio' : 'dev outbox (no TWILIO_* settings)',
    email: settings.RESEND_API_KEY ? 'resend' : 'dev outbox (no RESEND_API_KEY)',
    replies: settings.PARLEY_INBOUND_EMAIL_DOMAIN
      ? `reply+…@${settings.PARLEY_INBOUND_EMAIL_DOMAIN}`
      : 'email replies off (no PARLEY_INBOUND_EMAIL_DOMAIN); answer as the candidate in the dashboard',
    language: llmConfigured() ? `rules + ${settings.PARLEY_LLM_MODEL}` : 'rules only',
  });
  // Under `npm start` (scripts/serve.mjs), the cluster primary starts the other workers now.
  process.send?.({ type: 'parley:ready' });
}

function printDemo(demo: DemoSeed, appUrl: string): void {
  const body = JSON.stringify({
    campaignId: demo.campaignId,
    firstName: 'Jamie',
    lastName: 'Lee',
    emailAddress: 'jamie.lee@example.com',
  });
  const lines = [
    '',
    'Parley demo organization created (shown once; the key is stored hashed):',
    `  PARLEY_ORGANIZATION_ID=${demo.organizationId}`,
    `  PARLEY_API_KEY=${demo.apiKey}`,
    `  PARLEY_CAMPAIGN_ID=${demo.campaignId}`,
    '',
    `Dashboard: sign in as ${demo.ownerEmail} (owner) with this one-time link (valid 7 days):`,
    `  ${demo.ownerSignInUrl}`,
    '',
    'Start a conversation with a candidate, then open its bookingUrl:',
    `  curl -s -X POST ${appUrl}/v1/conversations -H 'content-type: application/json' -H 'x-api-key: ${demo.apiKey}' -H 'x-organization-id: ${demo.organizationId}' -d '${body}'`,
    '',
    "Or with Jane Smith's connected (development) calendar and Google Meet:",
    `  curl -s -X POST ${appUrl}/v1/scheduling/conversations -H 'content-type: application/json' -H 'x-api-key: ${demo.apiKey}' -H 'x-organization-id: ${demo.organizationId}' -d '${JSON.stringify(calendarConnectedExample(demo.campaignId))}'`,
    '',
  ];
  console.log(lines.join('\n'));
}
