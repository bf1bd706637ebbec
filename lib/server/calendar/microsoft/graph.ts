import 'server-only';
import { Client } from '@microsoft/microsoft-graph-client';
import { env } from '@/lib/env';

/**
 * A Graph client on MICROSOFT_GRAPH_URL (`https://graph.microsoft.com/v1.0` by default: the part
 * before the version is the base URL). Its host is passed as a custom host, or the SDK would not
 * attach the token to any host but Microsoft's own.
 */
export function graphClient(accessToken: string): Client {
  const url = new URL(env().MICROSOFT_GRAPH_URL.replace(/\/+$/, ''));
  const segments = url.pathname.split('/').filter(Boolean);
  const version = segments.pop() ?? 'v1.0';
  const baseUrl = `${url.origin}/${segments.join('/')}`.replace(/\/+$/, '');
  return Client.init({
    authProvider: (done) => done(null, accessToken),
    baseUrl,
    defaultVersion: version,
    customHosts: new Set([url.hostname]),
  });
}
