import 'server-only';
import {
  ConfidentialClientApplication,
  LogLevel,
  type ICachePlugin,
  type TokenCacheContext,
} from '@azure/msal-node';
import { env } from '@/lib/env';
import { withTimeout } from './timeout';

/** What Parley asks Microsoft for: its calendar (read and write), who the account is, offline use. */
export const CONSENT_SCOPES = ['offline_access', 'Calendars.ReadWrite', 'User.Read'];
/** The scopes of the Graph access token itself (msal adds openid, profile, offline_access). */
export const GRAPH_SCOPES = ['Calendars.ReadWrite', 'User.Read'];

/** A cache plugin over one connection's serialized msal token cache. */
export type CacheBox = { plugin: ICachePlugin; current: () => string; hasChanged: () => boolean };

/** `initial` null: an empty cache (a new connection). */
export function cacheBox(initial: string | null): CacheBox {
  let serialized = initial ?? '';
  let changed = false;
  return {
    plugin: {
      beforeCacheAccess: (context: TokenCacheContext) => {
        if (serialized) context.tokenCache.deserialize(serialized);
        return Promise.resolve();
      },
      afterCacheAccess: (context: TokenCacheContext) => {
        if (context.cacheHasChanged) {
          const next = context.tokenCache.serialize();
          if (next !== serialized) changed = true;
          serialized = next;
        }
        return Promise.resolve();
      },
    },
    current: () => serialized,
    hasChanged: () => changed,
  };
}

const metadataByAuthority = new Map<string, Promise<string>>();

/**
 * The authority's OpenID metadata, fetched once per process and handed to msal, so a client made
 * per connection does not discover it again on every call. Naming the authority's host as known
 * also spares the instance discovery a non-Microsoft host (a test server) could not answer.
 */
function authorityMetadata(authority: string): Promise<string> {
  let pending = metadataByAuthority.get(authority);
  if (!pending) {
    pending = withTimeout(
      fetch(`${authority}/v2.0/.well-known/openid-configuration`).then(async (response) => {
        if (!response.ok) throw new Error(`authority metadata answered ${response.status}`);
        return JSON.stringify(await response.json());
      }),
    );
    // A failure is not remembered: the next call tries again.
    pending.catch(() => metadataByAuthority.delete(authority));
    metadataByAuthority.set(authority, pending);
  }
  return pending;
}

/** A confidential client on the configured app registration and `cache` (one connection's). */
export async function msalApp(cache?: CacheBox): Promise<ConfidentialClientApplication> {
  const settings = env();
  if (!settings.MICROSOFT_CLIENT_ID || !settings.MICROSOFT_CLIENT_SECRET) {
    throw new Error('MICROSOFT_CLIENT_ID and MICROSOFT_CLIENT_SECRET are not set');
  }
  const authority = settings.MICROSOFT_AUTHORITY.replace(/\/+$/, '');
  return new ConfidentialClientApplication({
    auth: {
      clientId: settings.MICROSOFT_CLIENT_ID,
      clientSecret: settings.MICROSOFT_CLIENT_SECRET,
      authority,
      knownAuthorities: [new URL(authority).host],
      authorityMetadata: await authorityMetadata(authority),
    },
    ...(cache ? { cache: { cachePlugin: cache.plugin } } : {}),
    system: { loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false } },
  });
}
