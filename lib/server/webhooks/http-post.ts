import 'server-only';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

export type PostResult = {
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
  durationMs: number;
};

const MAX_RESPONSE_BYTES = 4096;

// Connections to receivers are reused. Each new socket still goes through `lookup`, which only
// ever answers the vetted address, so a pooled socket can't reach anything the guard refused.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 30_000 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64, timeout: 30_000 }),
};

/**
 * POSTs `body` to `url`, connecting only to `addresses` (resolved and vetted by the URL guard, so
 * DNS cannot be swapped under us), with no redirects and an overall timeout. Never throws.
 */
export function postJson(
  url: URL,
  options: {
    addresses: string[];
    headers: Record<string, string>;
    body: string;
    timeoutMs: number;
  },
): Promise<PostResult> {
  const started = performance.now();
  const done = (partial: Omit<PostResult, 'durationMs'>): PostResult => ({
    ...partial,
    durationMs: Math.round(performance.now() - started),
  });
  const address = options.addresses[0];
  const lookup: LookupFunction = (_host, lookupOptions, callback) => {
    const family = address?.includes(':') ? 6 : 4;
    if ((lookupOptions as { all?: boolean }).all) {
      (callback as unknown as (e: null, list: { address: string; family: number }[]) => void)(
        null,
        [{ address: address ?? '', family }],
      );
    } else {
      callback(null, address ?? '', family);
    }
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: {
          ...options.headers,
          'content-length': Buffer.byteLength(options.body),
          'user-agent': 'Parley-Webhooks/1.0',
        },
        lookup,
        signal: AbortSignal.timeout(options.timeoutMs),
        agent: agents[url.protocol === 'https:' ? 'https:' : 'http:'],
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        const finish = () =>
          resolve(
            done({
              statusCode: response.statusCode ?? null,
              error: null,
              responseBody:
                Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8') || null,
            }),
          );
        response.on('end', finish);
        response.on('error', finish);
      },
    );
    request.on('error', (error) => {
      const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError';
      resolve(
        done({
          statusCode: null,
          error: timedOut ? `Timed out after ${options.timeoutMs} ms` : error.message,
          responseBody: null,
        }),
      );
    });
    request.end(options.body);
  });
}
