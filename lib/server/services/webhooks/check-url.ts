import 'server-only';
import { invalid } from '@/lib/domain/errors';
import { env } from '@/lib/env';
import { resolveWebhookTarget } from '@/lib/server/webhooks/url-guard';

/** Refuses URLs that are not https (in production) or that point into private networks. */
export async function assertDeliverableUrl(url: string): Promise<string> {
  const settings = env();
  const target = await resolveWebhookTarget(url, {
    allowPrivate: settings.PARLEY_ALLOW_PRIVATE_WEBHOOKS,
    isProduction: settings.NODE_ENV === 'production',
  });
  if (!target.ok) throw invalid('url', target.reason);
  return target.url.toString();
}
