// @ts-check
/**
 * What Parley's HTTP server does before Next.js sees a request (scripts/serve-worker.mjs, and the
 * HTTP tests' server). Plain JavaScript: `npm start`'s workers run without tsx.
 *
 * - The connection's address goes to the app in `x-parley-peer-address`, replacing whatever a
 *   client sent under that name: route handlers have no socket, and `X-Forwarded-For` is the
 *   client's to write (Next.js only fills it in when absent). lib/server/http/rate-limit.ts reads
 *   the client address from it (and from proxies' `X-Forwarded-For` when PARLEY_TRUST_PROXY_HOPS
 *   says there are some).
 * - Methods Next.js cannot carry are refused with `405`, the API's JSON error body and `Allow`
 *   (DESIGN §2): Node.js closes a CONNECT's connection without a word unless the server listens
 *   for it, and Next.js turns every request into a fetch `Request`, which refuses TRACE (a 500),
 *   while its route handlers answer other methods (PROPFIND…) with an empty 400. `Allow` is what
 *   the app answers to OPTIONS on that path (route files: lib/server/http/methods.ts).
 * - A request Node.js cannot parse, or whose path is not valid percent-encoding (Next.js answers
 *   that with a 500), gets a JSON 400.
 */
import { Buffer } from 'node:buffer';
import http from 'node:http';

export const PEER_ADDRESS_HEADER = 'x-parley-peer-address';

/** The methods Next.js hands to route handlers and pages (lib/server/http/methods.ts). */
const ROUTE_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** Pages (and anything that does not say otherwise). */
const PAGE_ALLOW = 'GET, HEAD';
const probeAgent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/**
 * @param {http.Server} server
 * @param {(req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>} handle
 */
export function attachFront(server, handle) {
  server.on('request', (req, res) => {
    req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? '';
    if (!isDecodablePath(req.url ?? '/')) {
      const { status, headers, body } = jsonError(
        400,
        'validation_error',
        'The request path is not valid percent-encoded UTF-8.',
      );
      res.writeHead(status, headers);
      res.end(body);
      return;
    }
    if (ROUTE_METHODS.has(req.method ?? '')) return void handle(req, res);
    void refusal(server, req).then(({ status, headers, body }) => {
      res.writeHead(status, { ...headers, connection: 'close' });
      res.end(body);
    });
  });
  server.on('connect', (req, socket) => {
    socket.on('error', () => socket.destroy());
    void refusal(server, req).then(({ status, headers, body }) => {
      const lines = Object.entries({ ...headers, connection: 'close' }).map(
        ([name, value]) => `${name}: ${value}`,
      );
      const reason = http.STATUS_CODES[status] ?? '';
      socket.end(`HTTP/1.1 ${status} ${reason}\r\n${lines.join('\r\n')}\r\n\r\n${body}`);
    });
  });
  server.on('clientError', (error, socket) => {
    if (!socket.writable || /** @type {{ code?: string }} */ (error).code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const { headers, body } = jsonError(400, 'validation_error', 'The request is not valid HTTP.');
    const lines = Object.entries({ ...headers, connection: 'close' }).map(([n, v]) => `${n}: ${v}`);
    socket.end(`HTTP/1.1 400 Bad Request\r\n${lines.join('\r\n')}\r\n\r\n${body}`);
  });
}

/**
 * Next.js decodes path segments for route parameters and answers a 500 when one is not valid
 * percent-encoded UTF-8 (`/v1/campaigns/%FF`).
 * @param {string} target
 */
function isDecodablePath(target) {
  const path = target.split('?', 1)[0] ?? '';
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {number} status
 * @param {string} code
 * @param {string} message
 * @param {Record<string, string>} [extra]
 */
function jsonError(status, code, message, extra = {}) {
  const body = JSON.stringify({ error: { code, message } });
  return {
    status,
    body,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      'cache-control': 'no-store',
      ...extra,
    },
  };
}

/**
 * `405` with the path's `Allow`, or the app's own answer to OPTIONS when that is no success (an
 * unknown API path is a 404). A CONNECT to a host (`example.com:443`) is not for a path here.
 * @param {http.Server} server
 * @param {http.IncomingMessage} req
 */
async function refusal(server, req) {
  const method = req.method ?? '';
  const target = req.url ?? '';
  const path = target.startsWith('/') ? target : '/';
  const probe = await probeOptions(server, path, req.headers.host);
  if (probe && probe.status >= 400 && probe.status !== 405 && path.startsWith('/v1/')) {
    return { status: probe.status, headers: probe.headers, body: probe.body };
  }
  const allow = probe?.allow ?? PAGE_ALLOW;
  const message = target.startsWith('/')
    ? `${method} is not allowed here; allowed: ${allow}.`
    : `${method} is not allowed here: this server is not a proxy.`;
  return jsonError(405, 'method_not_allowed', message, { allow });
}

/**
 * What the app itself answers to OPTIONS on `path` (over loopback, like any client).
 * @param {http.Server} server
 * @param {string} path
 * @param {string | undefined} host
 * @returns {Promise<{ status: number; allow: string | null; headers: Record<string, string>; body: string } | null>}
 */
function probeOptions(server, path, host) {
  const address = server.address();
  if (!address || typeof address === 'string') return Promise.resolve(null);
  const loopback =
    address.address === '::' || address.address === '0.0.0.0'
      ? address.family === 'IPv6'
        ? '::1'
        : '127.0.0.1'
      : address.address;
  return new Promise((resolve) => {
    const probe = http.request(
      {
        host: loopback,
        port: address.port,
        method: 'OPTIONS',
        path,
        agent: probeAgent,
        timeout: 5_000,
        headers: host ? { host } : {},
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => {
          const allow = res.headers.allow;
          const type = res.headers['content-type'];
          resolve({
            status: res.statusCode ?? 0,
            allow: typeof allow === 'string' && allow ? allow : null,
            headers: {
              ...(type ? { 'content-type': type } : {}),
              'content-length': String(Buffer.byteLength(body)),
              'cache-control': 'no-store',
            },
            body,
          });
        });
      },
    );
    probe.on('timeout', () => probe.destroy());
    probe.on('error', () => resolve(null));
    probe.end();
  });
}
